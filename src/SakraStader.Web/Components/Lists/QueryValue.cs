using System.Globalization;

namespace SakraStader.Components.Lists;

/// <summary>
/// A value read from the address. Query parameters are bound as text and read here, because the framework answers a
/// malformed typed one (<c>?sida=abc</c>, <c>?grupp=x</c>) with an exception: an address someone typed, cut or shared
/// is read as well as it can be, and what cannot be read counts as not given.
/// </summary>
public static class QueryValue
{
    public static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static Guid? Id(string? text) => System.Guid.TryParse(text, out var value) ? value : null;

    /// <summary>
    /// Text to search or filter by, without what no database can compare (control characters, halves of surrogate
    /// pairs: PostgreSQL refuses them); null when nothing is left.
    /// </summary>
    public static string? Text(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Data.TextGuard.Storable(text).Trim() is { Length: > 0 } kept ? kept : null;
}
