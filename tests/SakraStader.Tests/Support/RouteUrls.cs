using System.Text.RegularExpressions;

namespace SakraStader.Tests.Support;

/// <summary>A route template made into an address: Örebro for the kommun, a new id for a guid, 2025 for a number.</summary>
public static partial class RouteUrls
{
    public static string Fill(string pattern)
    {
        var url = pattern.Replace("{KommunSlug}", "orebro", StringComparison.Ordinal);
        url = Guids().Replace(url, _ => Guid.NewGuid().ToString());
        url = Ints().Replace(url, "2025");
        url = Formats().Replace(url, "xlsx");
        url = Others().Replace(url, "x");
        return url.StartsWith('/') ? url : "/" + url;
    }

    [GeneratedRegex(@"\{[^}]*:guid\}")]
    private static partial Regex Guids();

    [GeneratedRegex(@"\{[^}]*:int\}")]
    private static partial Regex Ints();

    [GeneratedRegex(@"\{format:[^}]*\}")]
    private static partial Regex Formats();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Others();
}
