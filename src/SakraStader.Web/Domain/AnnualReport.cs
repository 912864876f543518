using System.Text.Json;

namespace SakraStader.Domain;

public enum AnnualReportStatus
{
    Utkast = 0,
    Granskning = 1,
    Godkand = 2,
    Overlamnad = 3,
}

/// <summary>The report's sections, in the order of the document; each has the samordnare's text next to its figures.</summary>
public enum ReportSection
{
    Sammanfattning = 0,
    Organisation = 1,
    Utveckling = 2,
    Problem = 3,
    Atgarder = 4,
    Medborgarloften = 5,
    Overenskommelse = 6,
    Bedomning = 7,
    Forslag = 8,
}

public static class AnnualReportText
{
    public static string Display(this AnnualReportStatus status) => status switch
    {
        AnnualReportStatus.Utkast => "Utkast",
        AnnualReportStatus.Granskning => "Granskas av styrgruppen",
        AnnualReportStatus.Godkand => "Godkänd",
        AnnualReportStatus.Overlamnad => "Överlämnad",
        _ => status.ToString(),
    };

    public static string Heading(this ReportSection section) => section switch
    {
        ReportSection.Sammanfattning => "Sammanfattning",
        ReportSection.Organisation => "Så är arbetet organiserat",
        ReportSection.Utveckling => "Brottslighet och trygghet",
        ReportSection.Problem => "Prioriterade problem och deras orsaker",
        ReportSection.Atgarder => "Åtgärder",
        ReportSection.Medborgarloften => "Medborgarlöften",
        ReportSection.Overenskommelse => "Samverkansöverenskommelsen med polisen",
        ReportSection.Bedomning => "Bedömning",
        ReportSection.Forslag => "Förslag inför nästa år",
        _ => section.ToString(),
    };

    /// <summary>The URL fragment of a section on the report page.</summary>
    public static string Anchor(this ReportSection section) => "avsnitt-" + section.ToString().ToLowerInvariant();
}

/// <summary>
/// The annual report to kommunfullmäktige. Compiled from what the kommun recorded during the year; the samordnare
/// writes the texts; the styrgrupp comments per section in review (Granskning) and approves it at one of its
/// meetings, which freezes figures and texts in <see cref="Snapshot"/>; then it is handed over (Överlämnad) with the
/// date and the case number (diarienummer).
/// </summary>
public sealed class AnnualReport : TenantEntity, IVersioned
{
    public const int TextMax = 12000;
    public const int CaseNumberMax = 50;

    private readonly List<ReportComment> comments = [];
    private Dictionary<ReportSection, string>? parsedTexts;

    private AnnualReport() { }

    public AnnualReport(Guid styrgruppId, int year, int currentYear)
    {
        if (year < 2000 || year > currentYear)
        {
            throw new DomainException($"Välj ett år mellan 2000 och {currentYear}.", nameof(Year));
        }
        GroupId = styrgruppId;
        Year = year;
    }

    public int Year { get; private set; }

    /// <summary>The styrgrupp that reviews and approves the report.</summary>
    public Guid GroupId { get; private set; }

    public AnnualReportStatus Status { get; private set; }

    /// <summary>The section texts as JSON, keyed by section name.</summary>
    public string TextsJson { get; private set; } = "{}";

    public DateTimeOffset? ReviewStartedAt { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public string? ApprovedBy { get; private set; }

    /// <summary>The styrgrupp's meeting where the report was approved.</summary>
    public Guid? MeetingId { get; private set; }

    /// <summary>Figures and texts as approved (JSON); empty until then.</summary>
    public string Snapshot { get; private set; } = "";

    public DateOnly? HandedOverOn { get; private set; }

    /// <summary>The council's case number, diarienummer (e.g. "KS 2026/412").</summary>
    public string? CaseNumber { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public IReadOnlyList<ReportComment> Comments => comments;

    public bool IsFrozen => Status is AnnualReportStatus.Godkand or AnnualReportStatus.Overlamnad;

    public int UnansweredComments => comments.Count(c => !c.IsAnswered);

    private Dictionary<ReportSection, string> TextMap => parsedTexts ??= JsonSerializer.Deserialize<Dictionary<ReportSection, string>>(TextsJson) ?? [];

    public string Text(ReportSection section) => TextMap.GetValueOrDefault(section, "");

    /// <summary>The samordnare writes (or, in review, amends) a section's text.</summary>
    public void WriteText(ReportSection section, string text)
    {
        EnsureNotFrozen();
        var value = DomainText.Free(text, TextMax, nameof(Text));
        if (value.Length == 0)
        {
            TextMap.Remove(section);
        }
        else
        {
            TextMap[section] = value;
        }
        TextsJson = JsonSerializer.Serialize(TextMap.OrderBy(t => t.Key).ToDictionary());
    }

    public void StartReview(DateTimeOffset at)
    {
        if (Status != AnnualReportStatus.Utkast)
        {
            throw new DomainException("Rapporten granskas redan eller är godkänd.");
        }
        if (Text(ReportSection.Sammanfattning).Length == 0)
        {
            throw new DomainException("Skriv sammanfattningen innan styrgruppen granskar rapporten.", ReportSection.Sammanfattning.ToString());
        }
        Status = AnnualReportStatus.Granskning;
        ReviewStartedAt = at;
    }

    /// <summary>A styrgrupp member's comment on one section, while the report is in review.</summary>
    public ReportComment Comment(ReportSection section, Guid authorUserId, string authorName, string text, DateTimeOffset at)
    {
        if (Status != AnnualReportStatus.Granskning)
        {
            throw new DomainException(IsFrozen
                ? "Rapporten är godkänd. Den kan inte kommenteras längre."
                : "Styrgruppen kommenterar rapporten när samordnaren har skickat den på granskning.");
        }
        var comment = new ReportComment(Id, section, authorUserId, authorName, text, at) { KommunId = KommunId };
        comments.Add(comment);
        return comment;
    }

    /// <summary>The samordnare answers a comment: what was changed, or why not.</summary>
    public void Answer(Guid commentId, string answer, string by, DateTimeOffset at)
    {
        EnsureNotFrozen();
        var comment = comments.FirstOrDefault(c => c.Id == commentId) ?? throw new DomainException("Kommentaren finns inte.");
        comment.SetAnswer(answer, by, at);
    }

    /// <summary>Approved by the styrgrupp at one of its meetings that has taken place; every comment answered.</summary>
    /// <summary>
    /// Whether a meeting that ended at <paramref name="meetingEnded"/> can be the one where the styrgrupp approved the
    /// report: not one over before the report was sent to it (a meeting under way when it was sent can).
    /// </summary>
    public bool MayDecideAt(DateTimeOffset meetingEnded) => ReviewStartedAt is { } started && meetingEnded >= started;

    public void Approve(Meeting meeting, string approvedBy, DateTimeOffset at, string snapshot)
    {
        if (Status != AnnualReportStatus.Granskning)
        {
            throw new DomainException(IsFrozen
                ? "Rapporten är redan godkänd."
                : "Styrgruppen godkänner rapporten efter granskning. Skicka den på granskning först.", nameof(MeetingId));
        }
        meeting.EnsureDecisionBy(GroupId, "styrgruppens", at, nameof(MeetingId));
        if (!MayDecideAt(meeting.EndsAt))
        {
            throw new DomainException(
                $"Mötet {SwedishTime.DateOf(meeting.StartsAt):yyyy-MM-dd} hölls innan rapporten skickades på granskning. Välj mötet där styrgruppen godkände den.",
                nameof(MeetingId));
        }
        if (UnansweredComments > 0)
        {
            throw new DomainException(UnansweredComments == 1
                ? "En kommentar är obesvarad. Svara på den innan rapporten godkänns."
                : $"{UnansweredComments} kommentarer är obesvarade. Svara på dem innan rapporten godkänns.", nameof(MeetingId));
        }
        Status = AnnualReportStatus.Godkand;
        MeetingId = meeting.Id;
        ApprovedBy = approvedBy;
        ApprovedAt = at;
        Snapshot = snapshot;
    }

    /// <summary>Handed over to kommunstyrelsen and kommunfullmäktige under the council's case number.</summary>
    public void HandOver(DateOnly? on, string? caseNumber, DateOnly today)
    {
        if (Status != AnnualReportStatus.Godkand)
        {
            throw new DomainException(Status == AnnualReportStatus.Overlamnad
                ? "Rapporten är redan överlämnad."
                : "Rapporten lämnas över när styrgruppen har godkänt den.", nameof(HandedOverOn));
        }
        if (on is not { } date)
        {
            throw new DomainException("Ange datumet då rapporten lämnades över.", nameof(HandedOverOn));
        }
        if (date > today || ApprovedAt is { } approved && date < DateOnly.FromDateTime(approved.UtcDateTime.Date))
        {
            throw new DomainException("Datumet kan inte ligga före godkännandet eller i framtiden.", nameof(HandedOverOn));
        }
        HandedOverOn = date;
        CaseNumber = DomainText.Required(caseNumber, CaseNumberMax, "Ange ärendets diarienummer, till exempel KS 2026/412.", nameof(CaseNumber));
        Status = AnnualReportStatus.Overlamnad;
    }

    private void EnsureNotFrozen()
    {
        if (IsFrozen)
        {
            throw new DomainException("Rapporten är godkänd av styrgruppen och kan inte ändras.");
        }
    }
}

/// <summary>A styrgrupp member's comment on a section of the annual report, and the samordnare's answer.</summary>
public sealed class ReportComment : TenantEntity
{
    public const int TextMax = 4000;

    private ReportComment() { }

    internal ReportComment(Guid reportId, ReportSection section, Guid authorUserId, string authorName, string text, DateTimeOffset at)
    {
        ReportId = reportId;
        Section = section;
        AuthorUserId = authorUserId;
        AuthorName = authorName;
        Text = DomainText.Required(text, TextMax, "Skriv kommentaren.", nameof(Text));
        CreatedAt = at;
    }

    public Guid ReportId { get; private set; }

    public ReportSection Section { get; private set; }

    public Guid AuthorUserId { get; private set; }

    public string AuthorName { get; private set; } = "";

    public string Text { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public string Answer { get; private set; } = "";

    public string? AnsweredBy { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public bool IsAnswered => Answer.Length > 0;

    internal void SetAnswer(string answer, string by, DateTimeOffset at)
    {
        Answer = DomainText.Required(answer, TextMax, "Skriv svaret: vad som ändrades, eller varför inte.", nameof(Answer));
        AnsweredBy = by;
        AnsweredAt = at;
    }
}

/// <summary>
/// The samverkansöverenskommelse between the kommun and the police: its parties, period, areas and focus. The annual
/// report states the one in force during the year.
/// </summary>
public sealed class CooperationAgreement : TenantEntity
{
    public const int TextMax = 4000;

    /// <summary>Agreements run a mandate period or less; longer is a slip in the year.</summary>
    public const int MaxYears = 5;

    private CooperationAgreement() { }

    public CooperationAgreement(string title, string parties, DateOnly? validFrom, DateOnly? validTo, IEnumerable<Guid> areaIds, string focus)
    {
        Update(title, parties, validFrom, validTo, areaIds, focus);
    }

    public string Title { get; private set; } = "";

    /// <summary>The parties in words, e.g. "Örebro kommun och Polisen, lokalpolisområde Örebro".</summary>
    public string Parties { get; private set; } = "";

    public DateOnly ValidFrom { get; private set; }

    public DateOnly ValidTo { get; private set; }

    private readonly List<CooperationAgreementArea> areas = [];

    /// <summary>The areas the agreement covers, one row each (so the database refuses another kommun's area); none: the whole kommun.</summary>
    public IReadOnlyList<CooperationAgreementArea> Areas => areas;

    public IReadOnlyList<Guid> AreaIds => [.. areas.Select(a => a.AreaId)];

    /// <summary>The areas of cooperation and each party's commitments.</summary>
    public string Focus { get; private set; } = "";

    public bool CoversYear(int year) => ValidFrom.Year <= year && ValidTo.Year >= year;

    public void Update(string title, string parties, DateOnly? validFrom, DateOnly? validTo, IEnumerable<Guid> areaIds, string focus)
    {
        var newTitle = DomainText.Required(title, 200, "Ge överenskommelsen en rubrik.", nameof(Title));
        var newParties = DomainText.Required(parties, 500, "Ange parterna, till exempel kommunen och lokalpolisområdet.", nameof(Parties));
        if (validFrom is not { } from)
        {
            throw new DomainException("Ange när överenskommelsen börjar gälla.", nameof(ValidFrom));
        }
        if (validTo is not { } to)
        {
            throw new DomainException("Ange när överenskommelsen slutar gälla.", nameof(ValidTo));
        }
        PlausibleDate.EnsurePeriod(from, to, MaxYears, "En samverkansöverenskommelse", nameof(ValidFrom), nameof(ValidTo));
        Focus = DomainText.Free(focus, TextMax, nameof(Focus));
        Title = newTitle;
        Parties = newParties;
        ValidFrom = from;
        ValidTo = to;
        var wanted = areaIds.Distinct().ToList();
        areas.RemoveAll(a => !wanted.Contains(a.AreaId));
        foreach (var areaId in wanted.Where(w => areas.TrueForAll(a => a.AreaId != w)))
        {
            areas.Add(new CooperationAgreementArea(Id, areaId));
        }
    }
}

/// <summary>One area a cooperation agreement covers.</summary>
public sealed class CooperationAgreementArea : TenantEntity
{
    private CooperationAgreementArea() { }

    internal CooperationAgreementArea(Guid agreementId, Guid areaId)
    {
        AgreementId = agreementId;
        AreaId = areaId;
    }

    public Guid AgreementId { get; private set; }

    public Guid AreaId { get; private set; }
}
