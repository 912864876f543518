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

    private Incident() { }

    public Incident(Guid categoryId, Guid areaId, string place, DateTimeOffset occurredAt, string organisation, string description,
        Guid? reportedBy, DateTimeOffset reportedAt)
    {
        CategoryId = categoryId;
        AreaId = areaId;
        Place = Check(place, PlaceMax, "Platsen", nameof(Place));
        OccurredAt = occurredAt;
        Organisation = Check(organisation, OrganisationMax, "Organisationen", nameof(Organisation));
        Description = Check(description, DescriptionMax, "Beskrivningen", nameof(Description));
        if (occurredAt > reportedAt.AddMinutes(5))
        {
            throw new DomainException("Händelsen kan inte ha inträffat i framtiden.", nameof(OccurredAt));
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

    private static string Check(string? text, int max, string what, string field)
    {
        text = (text ?? "").Trim();
        if (text.Length > max)
        {
            throw new DomainException($"{what} får vara högst {max} tecken.", field);
        }
        PersonalData.EnsureNone(text, field);
        return text;
    }
}
