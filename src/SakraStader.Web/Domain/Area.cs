namespace SakraStader.Domain;

/// <summary>
/// A part of the kommun that the work talks about (Vivalla, Hässleholmen–Hulta, Centrum). Managed by the samordnare;
/// incidents, statistics, survey results and problems belong to one. Optionally carries its boundary as GeoJSON.
/// </summary>
public sealed class Area : TenantEntity
{
    public const int NameMax = 100;

    private Area() { }

    public Area(string name) => Rename(name);

    public string Name { get; private set; } = "";

    /// <summary>The boundary as a GeoJSON Polygon or MultiPolygon geometry (WGS 84), when the samordnare uploaded one.</summary>
    public string? Boundary { get; private set; }

    /// <summary>An area no longer in use stays on old records but is not offered for new ones.</summary>
    public bool Archived { get; private set; }

    public void Rename(string name) => Name = DomainText.Required(name, NameMax, "Ange områdets namn.", nameof(Name));

    public void SetBoundary(string? geoJson) => Boundary = geoJson is null ? null : GeoBoundary.Parse(geoJson).ToJson();

    public void Archive(bool archived) => Archived = archived;
}

/// <summary>An incident category of one kommun (skadegörelse, klotter, ...). The kommun adjusts its own list.</summary>
public sealed class IncidentCategory : TenantEntity
{
    public const int NameMax = 60;

    /// <summary>The list every new kommun starts with.</summary>
    public static readonly IReadOnlyList<string> Defaults =
    [
        "Skadegörelse", "Klotter", "Anlagd brand", "Bilbrand", "Inbrott", "Narkotikahandel", "Ordningsstörning",
        "Hot och våld", "Otrygg plats", "Nedskräpning", "Social oro",
    ];

    private IncidentCategory() { }

    public IncidentCategory(string name, int order)
    {
        Rename(name);
        Order = order;
    }

    public string Name { get; private set; } = "";

    public int Order { get; private set; }

    /// <summary>A hidden category is kept on old incidents and in statistics but not offered for new ones.</summary>
    public bool Hidden { get; private set; }

    public void Rename(string name) => Name = DomainText.Required(name, NameMax, "Ange kategorins namn.", nameof(Name));

    public void Hide(bool hidden) => Hidden = hidden;
}

/// <summary>The one check for a required short text (a name, a title): trimmed, not empty, not too long.</summary>
internal static class DomainText
{
    public static string Required(string? text, int max, string whenEmpty, string field)
    {
        text = (text ?? "").Trim();
        if (text.Length == 0)
        {
            throw new DomainException(whenEmpty, field);
        }
        if (text.Length > max)
        {
            throw new DomainException($"Texten får vara högst {max.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"))} tecken.", field);
        }
        return text;
    }

    /// <summary>The one check for free text (a summary, a report): trimmed, not too long, no personal identity numbers.</summary>
    public static string Free(string? text, int max, string field)
    {
        text = (text ?? "").Trim();
        if (text.Length > max)
        {
            throw new DomainException($"Texten får vara högst {max.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"))} tecken.", field);
        }
        PersonalData.EnsureNone(text, field);
        return text;
    }
}
