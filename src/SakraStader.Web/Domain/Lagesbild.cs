namespace SakraStader.Domain;

public enum LagesbildStatus
{
    Utkast = 0,
    Faststalld = 1,
}

public enum Trend
{
    Okand = 0,
    Minskande = 1,
    Oforandrad = 2,
    Okande = 3,
}

public enum CauseKind
{
    Situationell = 0,
    Social = 1,
}

/// <summary>
/// A problem at a place that lives across months, e.g. "Klotter och samlingsplats vid Vivalla centrum". Each lägesbild
/// records its current assessment; the problem's page shows them month by month.
/// </summary>
public sealed class Problem : TenantEntity
{
    public const int TitleMax = 200;

    private Problem() { }

    public Problem(Guid areaId, string title, DateTimeOffset createdAt)
    {
        AreaId = areaId;
        Retitle(title);
        CreatedAt = createdAt;
    }

    public Guid AreaId { get; private set; }

    public string Title { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A closed problem is no longer carried over to the next lägesbild.</summary>
    public bool Closed { get; private set; }

    public void Retitle(string title)
    {
        title = (title ?? "").Trim();
        if (title.Length == 0)
        {
            throw new DomainException("Beskriv problemet med några ord, till exempel ”Klotter vid busstorget”.", nameof(Title));
        }
        if (title.Length > TitleMax)
        {
            throw new DomainException($"Rubriken får vara högst {TitleMax} tecken.", nameof(Title));
        }
        PersonalData.EnsureNone(title, nameof(Title));
        Title = title;
    }

    public void Close(bool closed) => Closed = closed;
}

/// <summary>
/// The monthly lägesbild of a group (usually EST): figures compiled from incidents and statistics, each member
/// organisation's own section, the assessed problems with their causes, and the prognosis. The chair fixes
/// (fastställer) it at the meeting; then it is read-only, and a correction makes a visible new version.
/// </summary>
public sealed class Lagesbild : TenantEntity, IVersioned
{
    public const int TextMax = 8000;

    private readonly List<LagesbildSection> sections = [];
    private readonly List<ProblemAssessment> assessments = [];
    private readonly List<LagesbildVersion> versions = [];

    private Lagesbild() { }

    public Lagesbild(Guid groupId, int year, int month)
    {
        if (month is < 1 or > 12 || year is < 2000 or > 2100)
        {
            throw new DomainException("Välj en månad.", nameof(Month));
        }
        GroupId = groupId;
        Year = year;
        Month = month;
    }

    public Guid GroupId { get; private set; }

    public int Year { get; private set; }

    public int Month { get; private set; }

    public DateOnly Period => new(Year, Month, 1);

    public LagesbildStatus Status { get; private set; }

    public string Summary { get; private set; } = "";

    public string Prognosis { get; private set; } = "";

    /// <summary>Why a fixed lägesbild was reopened; recorded on the next fixed version.</summary>
    public string? PendingCorrectionReason { get; private set; }

    /// <summary>Concurrency token: changes on every edit, so two people editing at once cannot overwrite each other.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>The group's meeting where the lägesbild was presented and fixed, when it was fixed at one.</summary>
    public Guid? MeetingId { get; private set; }

    /// <summary>
    /// Preliminär: a draft whose month has not ended. Its figures can still change, and it cannot be fixed before the
    /// month ends, unless the meeting it is presented at has been held.
    /// </summary>
    public bool IsPreliminary(DateTimeOffset now) => Status == LagesbildStatus.Utkast && MonthRunning(Year, Month, now);

    /// <summary>The month has not ended (Swedish time).</summary>
    public static bool MonthRunning(int year, int month, DateTimeOffset now) => now < SwedishTime.MonthBounds(year, month).To;

    public IReadOnlyList<LagesbildSection> Sections => sections;

    public IReadOnlyList<ProblemAssessment> Assessments => assessments;

    public IReadOnlyList<LagesbildVersion> Versions => versions;

    public void EnsureEditable()
    {
        if (Status == LagesbildStatus.Faststalld)
        {
            throw new DomainException("Lägesbilden är fastställd och kan inte ändras. Välj ”Rätta lägesbilden” för att göra en ny version.");
        }
    }

    public void WriteTexts(string summary, string prognosis)
    {
        EnsureEditable();
        Summary = Text(summary, nameof(Summary));
        Prognosis = Text(prognosis, nameof(Prognosis));
    }

    /// <summary>An organisation's own section (police, fire service, housing company, ...), written before the meeting.</summary>
    public LagesbildSection WriteSection(string organisation, string text, string author, DateTimeOffset at)
    {
        EnsureEditable();
        var section = sections.FirstOrDefault(s => s.Organisation == organisation);
        if (section is null)
        {
            section = new LagesbildSection(Id, organisation);
            sections.Add(section);
        }
        section.Write(Text(text, nameof(LagesbildSection.Text)), author, at);
        return section;
    }

    public ProblemAssessment Assess(Problem problem)
    {
        EnsureEditable();
        if (assessments.Any(a => a.ProblemId == problem.Id))
        {
            throw new DomainException("Problemet finns redan i lägesbilden.", nameof(ProblemAssessment.ProblemId));
        }
        var assessment = new ProblemAssessment(Id, problem.Id, assessments.Count + 1);
        assessments.Add(assessment);
        return assessment;
    }

    /// <summary>Brings last month's open problems over, with their assessment as the starting point.</summary>
    public int CarryOver(Lagesbild previous, IReadOnlySet<Guid> openProblems)
    {
        EnsureEditable();
        var added = 0;
        foreach (var old in previous.Assessments.OrderBy(a => a.Priority).ThenBy(a => a.Order))
        {
            if (!openProblems.Contains(old.ProblemId) || assessments.Any(a => a.ProblemId == old.ProblemId))
            {
                continue;
            }
            var copy = new ProblemAssessment(Id, old.ProblemId, assessments.Count + 1);
            copy.Update(old.Art, old.Omfattning, old.Konsekvens, old.Trend, old.Priority);
            foreach (var cause in old.Causes)
            {
                copy.AddCause(cause.Text, cause.Kind, cause.Evidence);
            }
            assessments.Add(copy);
            added++;
        }
        return added;
    }

    public void UpdateAssessment(Guid assessmentId, string art, string omfattning, string konsekvens, Trend trend, int priority)
    {
        EnsureEditable();
        Find(assessmentId).Update(Text(art, "Art"), Text(omfattning, "Omfattning"), Text(konsekvens, "Konsekvens"), trend, priority);
    }

    public ProblemCause AddCause(Guid assessmentId, string text, CauseKind kind, string evidence)
    {
        EnsureEditable();
        var cause = Find(assessmentId).AddCause(text, kind, evidence);
        return cause;
    }

    public void RemoveAssessment(Guid assessmentId)
    {
        EnsureEditable();
        assessments.Remove(Find(assessmentId));
    }

    /// <summary>
    /// The chair fixes (fastställer) the lägesbild: a version with the content as it stands, naming the meeting where it
    /// was presented (<paramref name="meeting"/>, a held meeting of the group). Before the month has ended only at such
    /// a meeting: a preliminary lägesbild is not fixed on its own.
    /// </summary>
    public LagesbildVersion Fix(GroupMember chair, DateTimeOffset now, string snapshot, Meeting? meeting)
    {
        if (!chair.IsChair || chair.GroupId != GroupId)
        {
            throw new DomainException("Bara gruppens ordförande kan fastställa lägesbilden.");
        }
        EnsureEditable();
        meeting?.EnsureDecisionBy(GroupId, "gruppens", now, nameof(MeetingId));
        if (meeting is null && IsPreliminary(now))
        {
            throw new DomainException(
                $"Lägesbilden är preliminär: {System.Globalization.CultureInfo.GetCultureInfo("sv-SE").DateTimeFormat.GetMonthName(Month)} är inte slut. Den kan fastställas när månaden är slut eller när mötet där den presenteras har hållits.",
                nameof(MeetingId));
        }
        MeetingId = meeting?.Id;
        var version = new LagesbildVersion(Id, versions.Count + 1, chair.Name, now, snapshot, PendingCorrectionReason);
        versions.Add(version);
        Status = LagesbildStatus.Faststalld;
        PendingCorrectionReason = null;
        return version;
    }

    /// <summary>Reopens a fixed lägesbild for a correction; the fixed version stays, the next one gets a new number.</summary>
    public void StartCorrection(string reason)
    {
        if (Status != LagesbildStatus.Faststalld)
        {
            throw new DomainException("Lägesbilden är inte fastställd och kan ändras direkt.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Skriv vad som ska rättas.", nameof(PendingCorrectionReason));
        }
        Status = LagesbildStatus.Utkast;
        PendingCorrectionReason = Text(reason, nameof(PendingCorrectionReason));
    }

    private ProblemAssessment Find(Guid id) =>
        assessments.FirstOrDefault(a => a.Id == id) ?? throw new DomainException("Bedömningen finns inte i lägesbilden.");

    private static string Text(string? text, string field) => DomainText.Free(text, TextMax, field);

}

public sealed class LagesbildSection : TenantEntity
{
    private LagesbildSection() { }

    internal LagesbildSection(Guid lagesbildId, string organisation)
    {
        LagesbildId = lagesbildId;
        Organisation = organisation;
    }

    public Guid LagesbildId { get; private set; }

    /// <summary>The organisation's name as its members have it in the kommun, e.g. "Polisen LPO Örebro".</summary>
    public string Organisation { get; private set; } = "";

    public string Text { get; private set; } = "";

    public string UpdatedBy { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    internal void Write(string text, string author, DateTimeOffset at)
    {
        Text = text;
        UpdatedBy = author;
        UpdatedAt = at;
    }
}

/// <summary>A problem's assessment in one lägesbild: art (kind), omfattning (extent), konsekvens, trend, priority and causes.</summary>
public sealed class ProblemAssessment : TenantEntity
{
    private readonly List<ProblemCause> causes = [];

    private ProblemAssessment() { }

    internal ProblemAssessment(Guid lagesbildId, Guid problemId, int order)
    {
        LagesbildId = lagesbildId;
        ProblemId = problemId;
        Order = order;
        Priority = 2;
    }

    public Guid LagesbildId { get; private set; }

    public Guid ProblemId { get; private set; }

    public int Order { get; private set; }

    public string Art { get; private set; } = "";

    public string Omfattning { get; private set; } = "";

    public string Konsekvens { get; private set; } = "";

    public Trend Trend { get; private set; }

    /// <summary>1 = high, 2 = medium, 3 = low.</summary>
    public int Priority { get; private set; }

    public IReadOnlyList<ProblemCause> Causes => causes;

    internal void Update(string art, string omfattning, string konsekvens, Trend trend, int priority)
    {
        if (priority is < 1 or > 3)
        {
            throw new DomainException("Välj prioritet hög, medel eller låg.", nameof(Priority));
        }
        Art = art;
        Omfattning = omfattning;
        Konsekvens = konsekvens;
        Trend = trend;
        Priority = priority;
    }

    internal ProblemCause AddCause(string text, CauseKind kind, string evidence)
    {
        text = (text ?? "").Trim();
        if (text.Length == 0)
        {
            throw new DomainException("Beskriv orsaken.", nameof(ProblemCause.Text));
        }
        if (text.Length > 1000 || (evidence ?? "").Length > 1000)
        {
            throw new DomainException("Orsak och underlag får vara högst 1 000 tecken vardera.", nameof(ProblemCause.Text));
        }
        PersonalData.EnsureNone(text, nameof(ProblemCause.Text));
        PersonalData.EnsureNone(evidence, nameof(ProblemCause.Evidence));
        var cause = new ProblemCause(Id, text, kind, (evidence ?? "").Trim());
        causes.Add(cause);
        return cause;
    }
}

/// <summary>A cause of a problem, situational or social, with the evidence it rests on.</summary>
public sealed class ProblemCause : TenantEntity
{
    private ProblemCause() { }

    internal ProblemCause(Guid assessmentId, string text, CauseKind kind, string evidence)
    {
        AssessmentId = assessmentId;
        Text = text;
        Kind = kind;
        Evidence = evidence;
    }

    public Guid AssessmentId { get; private set; }

    public string Text { get; private set; } = "";

    public CauseKind Kind { get; private set; }

    public string Evidence { get; private set; } = "";
}

/// <summary>A fixed (fastställd) version: the lägesbild's content and figures as they were, as JSON.</summary>
public sealed class LagesbildVersion : TenantEntity
{
    private LagesbildVersion() { }

    internal LagesbildVersion(Guid lagesbildId, int number, string fixedBy, DateTimeOffset fixedAt, string content, string? correctionReason)
    {
        LagesbildId = lagesbildId;
        Number = number;
        FixedBy = fixedBy;
        FixedAt = fixedAt;
        Content = content;
        CorrectionReason = correctionReason;
    }

    public Guid LagesbildId { get; private set; }

    public int Number { get; private set; }

    public string FixedBy { get; private set; } = "";

    public DateTimeOffset FixedAt { get; private set; }

    public string Content { get; private set; } = "";

    public string? CorrectionReason { get; private set; }
}

public static class LagesbildText
{
    public static string Display(this Trend trend) => trend switch
    {
        Trend.Minskande => "Minskande",
        Trend.Oforandrad => "Oförändrad",
        Trend.Okande => "Ökande",
        _ => "Okänd",
    };

    public static string Display(this CauseKind kind) => kind == CauseKind.Social ? "Social" : "Situationell";

    public static string PriorityText(int priority) => priority switch
    {
        1 => "Hög",
        2 => "Medel",
        _ => "Låg",
    };

    public static string Display(this LagesbildStatus status) => status == LagesbildStatus.Faststalld ? "Fastställd" : "Utkast";
}
