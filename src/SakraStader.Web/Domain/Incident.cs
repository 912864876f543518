namespace SakraStader.Domain;

/// <summary>
/// A händelse: something that happened at a place, reported by a member or an inrapportör. Describes places and
/// patterns, never people: the description is checked for personal identity numbers.
/// </summary>
public sealed class Incident : TenantEntity, IBulkImported
{
    public const int PlaceMax = 200;
    public const int OrganisationMax = 150;
    public const int DescriptionMax = 2000;

    /// <summary>How far back a händelse may lie: older than this is taken as a mistyped year.</summary>
    public const int MaxAgeYears = 20;

    private Incident() { }

    public Incident(Guid categoryId, Guid areaId, string place, DateTimeOffset occurredAt, string organisation, string description,
        Guid? reportedBy, DateTimeOffset reportedAt)
    {
        CategoryId = categoryId;
        AreaId = areaId;
        Place = Check(place, PlaceMax, "Platsen", nameof(Place), lines: false);
        OccurredAt = occurredAt;
        Organisation = Check(organisation, OrganisationMax, "Organisationen", nameof(Organisation), lines: false);
        Description = Check(description, DescriptionMax, "Beskrivningen", nameof(Description), lines: true);
        if (occurredAt > reportedAt.AddMinutes(5))
        {
            throw new DomainException("Händelsen kan inte ha inträffat i framtiden.", nameof(OccurredAt));
        }
        if (occurredAt < reportedAt.AddYears(-MaxAgeYears))
        {
            throw new DomainException($"Datumet ligger mer än {MaxAgeYears} år bakåt i tiden. Kontrollera året.", nameof(OccurredAt));
        }
        ReportedBy = reportedBy;
        ReportedAt = reportedAt;
    }

    public Guid CategoryId { get; private set; }

    public Guid AreaId { get; private set; }

    /// <summary>A street, square or building; optional.</summary>
    public string Place { get; private set; } = "";

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The reporting organisation, e.g. "Bostadsbolaget" or "Polisen".</summary>
    public string Organisation { get; private set; } = "";

    public string Description { get; private set; } = "";

    /// <summary>The user who logged it; null for imported incidents.</summary>
    public Guid? ReportedBy { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    private static string Check(string? text, int max, string what, string field, bool lines)
    {
        text = (text ?? "").Trim();
        // Control characters (NUL and the like) are never typed; they come from broken files or pasted binary.
        if (text.Any(c => char.IsControl(c) && !(lines && c is '\n' or '\r' or '\t')))
        {
            throw new DomainException($"{what} innehåller osynliga styrtecken som inte kan sparas. Skriv texten på nytt i stället för att klistra in den.", field);
        }
        if (text.Length > max)
        {
            throw new DomainException($"{what} får vara högst {max} tecken.", field);
        }
        PersonalData.EnsureNone(text, field);
        return text;
    }
}
