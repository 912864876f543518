namespace SakraStader.Domain;

public enum PlanKind
{
    /// <summary>The EST's short-term plan, from a monthly lägesbild.</summary>
    Kortsiktig = 0,
    /// <summary>The styrgrupp's strategic plan over years, from the fördjupad lägesbild.</summary>
    Langsiktig = 1,
}

public enum PlanStatus
{
    Utkast = 0,
    Beslutad = 1,
}

public enum AtgardStatus
{
    Planerad = 0,
    Pagar = 1,
    Genomford = 2,
    Installd = 3,
}

public enum PreventionType
{
    Situationell = 0,
    Social = 1,
    Annan = 2,
}

public enum Outcome
{
    Uppnadd = 0,
    Delvis = 1,
    EjUppnadd = 2,
}

/// <summary>
/// An åtgärdsplan: the measures a group decides on against the problems of its lägesbild. It is drafted, then decided
/// (beslutad) at a meeting of the group; after that every change to its measures carries a revision note, so the
/// plan's history is visible.
/// </summary>
public sealed class Atgardsplan : TenantEntity
{
    public const int TitleMax = 200;

    private readonly List<PlanRevision> revisions = [];

    private Atgardsplan() { }

    public Atgardsplan(Guid groupId, PlanKind kind, string title, Guid? lagesbildId, int? fromYear, int? toYear, Guid? fordjupadId = null)
    {
        FordjupadId = fordjupadId;
        GroupId = groupId;
        Kind = kind;
        Title = DomainText.Required(title, TitleMax, "Ge planen en rubrik.", nameof(Title));
        if (kind == PlanKind.Langsiktig && (fromYear is null || toYear is null || toYear < fromYear))
        {
            throw new DomainException("En långsiktig plan gäller från ett år till ett senare år.", nameof(ToYear));
        }
        LagesbildId = lagesbildId;
        FromYear = fromYear;
        ToYear = toYear;
    }

    public Guid GroupId { get; private set; }

    public PlanKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public Guid? LagesbildId { get; private set; }

    /// <summary>The fördjupad lägesbild a long-term plan builds on.</summary>
    public Guid? FordjupadId { get; private set; }

    public int? FromYear { get; private set; }

    public int? ToYear { get; private set; }

    public PlanStatus Status { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public Guid? MeetingId { get; private set; }

    public IReadOnlyList<PlanRevision> Revisions => revisions;

    /// <summary>Decided by the group at one of its meetings that has taken place.</summary>
    public void Decide(Meeting meeting, DateTimeOffset at)
    {
        if (Status == PlanStatus.Beslutad)
        {
            throw new DomainException("Planen är redan beslutad.");
        }
        meeting.EnsureDecisionBy(GroupId, "gruppens", at, nameof(MeetingId));
        Status = PlanStatus.Beslutad;
        MeetingId = meeting.Id;
        DecidedAt = at;
    }

    /// <summary>
    /// A change to a decided plan's measures needs a note saying what and why; it is kept as a revision. A draft needs
    /// none. Returns the revision, or null for a draft.
    /// </summary>
    public PlanRevision? Revise(string? note, string author, DateTimeOffset at)
    {
        if (Status == PlanStatus.Utkast)
        {
            return null;
        }
        var text = (note ?? "").Trim();
        if (text.Length == 0)
        {
            throw new DomainException("Planen är beslutad. Skriv kort vad som ändras och varför.", nameof(PlanRevision.Note));
        }
        var revision = new PlanRevision(Id, revisions.Count + 1, DomainText.Free(text, PlanRevision.NoteMax, nameof(PlanRevision.Note)), author, at);
        revisions.Add(revision);
        return revision;
    }
}

public sealed class PlanRevision : TenantEntity
{
    public const int NoteMax = 1000;

    private PlanRevision() { }

    internal PlanRevision(Guid planId, int number, string note, string author, DateTimeOffset at)
    {
        PlanId = planId;
        Number = number;
        Note = note;
        Author = author;
        At = at;
    }

    public Guid PlanId { get; private set; }

    public int Number { get; private set; }

    public string Note { get; private set; } = "";

    public string Author { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}

/// <summary>
/// An åtgärd: what is done against a problem and its causes, by whom, when, at what cost, on what grounds, and how its
/// effect will be measured. "Försenad" is derived from the due date, never stored.
/// </summary>
public sealed class Atgard : TenantEntity, IVersioned
{
    public const int TitleMax = 200;
    public const int TextMax = 4000;

    private readonly List<AtgardProgress> progress = [];
    private readonly List<AtgardProblem> problems = [];
    private readonly List<AtgardCause> analysedCauses = [];

    private Atgard() { }

    public Atgard(Guid planId, string title, Guid? problemId)
    {
        PlanId = planId;
        Title = DomainText.Required(title, TitleMax, "Ge åtgärden en rubrik.", nameof(Title));
        if (problemId is { } p)
        {
            Target([p], []);
        }
    }

    public Guid PlanId { get; private set; }

    /// <summary>The main problem: the first of <see cref="Problems"/>, the one lists and sheets show first.</summary>
    public Guid? ProblemId { get; private set; }

    /// <summary>Every problem the measure targets.</summary>
    public IReadOnlyList<AtgardProblem> Problems => problems;

    /// <summary>The causes from the problems' cause analyses that the measure targets.</summary>
    public IReadOnlyList<AtgardCause> AnalysedCauses => analysedCauses;

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    /// <summary>Causes in the planner's own words, besides those chosen from the cause analyses.</summary>
    public string Causes { get; private set; } = "";

    public PreventionType PreventionType { get; private set; }

    public string ResponsibleOrganisation { get; private set; } = "";

    public Guid? ResponsibleUserId { get; private set; }

    public string ResponsibleName { get; private set; } = "";

    public string Partners { get; private set; } = "";

    public DateOnly? StartDate { get; private set; }

    public DateOnly? DueDate { get; private set; }

    public AtgardStatus Status { get; private set; }

    public decimal? PlannedCost { get; private set; }

    public decimal? ActualCost { get; private set; }

    /// <summary>The method or evidence it rests on.</summary>
    public string Method { get; private set; } = "";

    public string ExpectedEffect { get; private set; } = "";

    public string HowMeasured { get; private set; } = "";

    public Outcome? Outcome { get; private set; }

    public string Learned { get; private set; } = "";

    public Guid Version { get; private set; } = Guid.NewGuid();

    public IReadOnlyList<AtgardProgress> Progress => progress;

    /// <summary>Försenad: not finished or cancelled, and the due date has passed.</summary>
    public bool IsOverdue(DateOnly today) => Status is AtgardStatus.Planerad or AtgardStatus.Pagar && DueDate is { } due && due < today;

    public void Describe(string title, string description, string causes, PreventionType type, string method, string expectedEffect,
        string howMeasured)
    {
        Title = DomainText.Required(title, TitleMax, "Ge åtgärden en rubrik.", nameof(Title));
        PersonalData.EnsureNone(Title, nameof(Title));
        Description = DomainText.Free(description, TextMax, nameof(Description));
        Causes = DomainText.Free(causes, TextMax, nameof(Causes));
        PreventionType = type;
        Method = DomainText.Free(method, TextMax, nameof(Method));
        ExpectedEffect = DomainText.Free(expectedEffect, TextMax, nameof(ExpectedEffect));
        HowMeasured = DomainText.Free(howMeasured, TextMax, nameof(HowMeasured));
    }

    /// <summary>
    /// Sets the problems the measure targets and the causes from their cause analyses (the caller looks them up in the
    /// kommun's own analyses). A cause needs its problem chosen too. The main problem stays if it is still chosen.
    /// </summary>
    public void Target(IReadOnlyList<Guid> problemIds, IReadOnlyList<(Guid ProblemId, string Text, CauseKind Kind)> causes)
    {
        if (causes.Any(c => !problemIds.Contains(c.ProblemId)))
        {
            throw new DomainException("En vald orsak hör till ett problem som inte är valt. Välj problemet också, eller ta bort orsaken.", nameof(Problems));
        }
        problems.RemoveAll(p => !problemIds.Contains(p.ProblemId));
        problems.AddRange(problemIds.Distinct().Where(id => problems.All(p => p.ProblemId != id)).Select(id => new AtgardProblem(Id, id)));
        ProblemId = ProblemId is { } main && problemIds.Contains(main) ? main : problemIds.Count > 0 ? problemIds[0] : null;
        analysedCauses.RemoveAll(c => !causes.Any(k => k.ProblemId == c.ProblemId && k.Text == c.Text));
        analysedCauses.AddRange(causes.DistinctBy(c => (c.ProblemId, c.Text))
            .Where(c => !analysedCauses.Any(a => a.ProblemId == c.ProblemId && a.Text == c.Text))
            .Select(c => new AtgardCause(Id, c.ProblemId, c.Text, c.Kind)));
    }

    /// <summary>The responsible person must be a member of the kommun (the caller checks and passes their name).</summary>
    public void Assign(string organisation, Guid? userId, string name, string partners)
    {
        ResponsibleOrganisation = DomainText.Free(organisation, 150, nameof(ResponsibleOrganisation));
        ResponsibleUserId = userId;
        ResponsibleName = (name ?? "").Trim();
        Partners = DomainText.Free(partners, 500, nameof(Partners));
    }

    public void Schedule(DateOnly? start, DateOnly? due, decimal? plannedCost)
    {
        PlausibleDate.Ensure(start, nameof(StartDate));
        PlausibleDate.Ensure(due, nameof(DueDate));
        if (start is { } s && due is { } d && d < s)
        {
            throw new DomainException("Slutdatum kan inte komma före startdatum.", nameof(DueDate));
        }
        if (plannedCost < 0)
        {
            throw new DomainException("Kostnaden kan inte vara negativ.", nameof(PlannedCost));
        }
        (StartDate, DueDate, PlannedCost) = (start, due, plannedCost);
    }

    public void SetStatus(AtgardStatus status)
    {
        if (status == AtgardStatus.Genomford && Outcome is null)
        {
            throw new DomainException("En genomförd åtgärd behöver en utvärdering: blev effekten uppnådd, delvis eller inte?", nameof(Outcome));
        }
        Status = status;
    }

    /// <summary>Completes the measure with its evaluation: the outcome, what was learned, and what it cost.</summary>
    public void Complete(Outcome? outcome, string learned, decimal? actualCost)
    {
        if (outcome is null)
        {
            throw new DomainException("Välj om effekten blev uppnådd, delvis uppnådd eller inte uppnådd.", nameof(Outcome));
        }
        var text = DomainText.Free(learned, TextMax, nameof(Learned));
        if (text.Length == 0)
        {
            throw new DomainException("Skriv vad ni lärde er, också när det inte gick som tänkt.", nameof(Learned));
        }
        if (actualCost < 0)
        {
            throw new DomainException("Kostnaden kan inte vara negativ.", nameof(ActualCost));
        }
        (Outcome, Learned, ActualCost, Status) = (outcome, text, actualCost, AtgardStatus.Genomford);
    }

    public AtgardProgress AddProgress(DateOnly date, string text, string author, DateTimeOffset at)
    {
        PlausibleDate.Ensure(date, nameof(AtgardProgress.Date));
        var note = new AtgardProgress(Id, date, DomainText.Required(text, TextMax, "Skriv vad som har hänt.", nameof(AtgardProgress.Text)), author, at);
        PersonalData.EnsureNone(note.Text, nameof(AtgardProgress.Text));
        progress.Add(note);
        return note;
    }

}

/// <summary>A problem a measure targets; a measure can target several.</summary>
public sealed class AtgardProblem : TenantEntity
{
    private AtgardProblem() { }

    internal AtgardProblem(Guid atgardId, Guid problemId) => (AtgardId, ProblemId) = (atgardId, problemId);

    public Guid AtgardId { get; private set; }

    public Guid ProblemId { get; private set; }
}

/// <summary>
/// A cause from a problem's cause analysis that a measure targets. Its text and kind are kept as chosen: each month's
/// lägesbild restates its causes, and a later rewording does not change what the measure was aimed at.
/// </summary>
public sealed class AtgardCause : TenantEntity
{
    private AtgardCause() { }

    internal AtgardCause(Guid atgardId, Guid problemId, string text, CauseKind kind) =>
        (AtgardId, ProblemId, Text, Kind) = (atgardId, problemId, text, kind);

    public Guid AtgardId { get; private set; }

    public Guid ProblemId { get; private set; }

    public string Text { get; private set; } = "";

    public CauseKind Kind { get; private set; }
}

public sealed class AtgardProgress : TenantEntity
{
    private AtgardProgress() { }

    internal AtgardProgress(Guid atgardId, DateOnly date, string text, string author, DateTimeOffset at)
    {
        AtgardId = atgardId;
        Date = date;
        Text = text;
        Author = author;
        CreatedAt = at;
    }

    public Guid AtgardId { get; private set; }

    public DateOnly Date { get; private set; }

    public string Text { get; private set; } = "";

    public string Author { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}

public static class AtgardText
{
    public static string Display(this AtgardStatus status) => status switch
    {
        AtgardStatus.Planerad => "Planerad",
        AtgardStatus.Pagar => "Pågår",
        AtgardStatus.Genomford => "Genomförd",
        _ => "Inställd",
    };

    public static string Display(this Outcome outcome) => outcome switch
    {
        Domain.Outcome.Uppnadd => "Uppnådd",
        Domain.Outcome.Delvis => "Delvis uppnådd",
        _ => "Ej uppnådd",
    };

    public static string Display(this PreventionType type) => type switch
    {
        PreventionType.Situationell => "Situationell",
        PreventionType.Social => "Social",
        _ => "Annan",
    };
}
