using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SakraStader.Components.Lists;
using SakraStader.Components.Ui;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Groups;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.Atgarder;

/// <summary>
/// The measure page's and the measures list's reads and commands. Reads return records; commands load the measure
/// through the tenant filter, check that its plan belongs to the group whose right the command path checked and that
/// the user saw the stored version (or text), and apply the measure's rules. <see cref="Operations"/> saves, with the
/// audit, in one transaction.
/// </summary>
public sealed class AtgardWork(AppDbContext db, AtgardOptions options, KommunCache kept, GroupAccess access, TenantContext tenant, TimeProvider time)
{
    public const string ChangedMeanwhile = "Någon annan har ändrat åtgärden sedan du öppnade den. Det du skrev finns kvar; läs deras ändring ovan och spara igen om ditt ska gälla.";
    public const string TextChangedMeanwhile = "Någon annan har ändrat texten sedan du började skriva. Din text finns kvar i fältet; den sparade står under. Spara igen om din ska gälla.";

    // ---- The list of measures ----

    /// <summary>The views of the list: whose and which measures.</summary>
    public static readonly IReadOnlyList<(string Key, string Text)> Views =
        [("mina", "Mina åtgärder"), ("forsenade", "Försenade"), ("utan-ansvarig", "Utan ansvarig"), ("alla", "Alla")];

    private static readonly IReadOnlyList<SortKey<ListedMeasure>> SortKeys =
    [
        new("titel", m => m.Title),
        new("problem", m => m.Problem),
        new("ansvarig", m => m.Responsible),
        new("klart", m => m.DueDate),
        new("status", m => m.Status),
    ];

    public async Task<AtgardListModel> ListAsync(AtgardFilter filter, ListView view, CancellationToken ct = default)
    {
        var today = time.Today();
        var choices = await kept.GetOrCompileAsync("atgard-list-choices", "", async () => new AtgardListChoices(
            await db.Areas.AsNoTracking().OrderBy(a => a.Name).Select(a => new NamedChoice(a.Id, a.Name)).ToListAsync(ct),
            await db.Problems.AsNoTracking().OrderBy(p => p.Title).Select(p => new NamedChoice(p.Id, p.Title)).ToListAsync(ct),
            // The organisations a measure's owner can belong to: the members' (a measure takes its owner's organisation).
            await db.Memberships.AsNoTracking().Where(m => m.OrganisationName != "").Select(m => m.OrganisationName).Distinct().OrderBy(o => o).ToListAsync(ct)), ct);
        var userId = tenant.UserId;
        var key = (filter.View, filter.View == "mina" ? userId : null, filter.ProblemId, filter.AreaId, filter.Organisation, filter.Status, view, today);
        var page = await kept.GetOrCompileAsync("atgard-list", key, async () =>
        {
            var query = db.Atgarder.AsNoTracking();
            query = filter.View switch
            {
                "mina" => query.Where(a => a.ResponsibleUserId == userId),
                "forsenade" => query.Where(a => (a.Status == AtgardStatus.Planerad || a.Status == AtgardStatus.Pagar) && a.DueDate < today),
                "utan-ansvarig" => query.Where(a => a.ResponsibleUserId == null && a.Status != AtgardStatus.Installd),
                _ => query,
            };
            if (filter.ProblemId is { } problemId)
            {
                query = query.Where(a => a.Problems.Any(t => t.ProblemId == problemId));
            }
            if (filter.AreaId is { } areaId)
            {
                query = query.Where(a => a.Problems.Any(t => db.Problems.Any(p => p.Id == t.ProblemId && p.AreaId == areaId)));
            }
            if (QueryValue.Text(filter.Organisation) is { } organisation)
            {
                query = query.Where(a => a.ResponsibleOrganisation == organisation);
            }
            if (filter.Status is { } status)
            {
                query = query.Where(a => a.Status == status);
            }
            var joined = from a in query
                         join p in db.Problems on a.ProblemId equals p.Id into ps
                         from p in ps.DefaultIfEmpty()
                         select new ListedMeasure { Id = a.Id, Title = a.Title, Problem = p == null ? "" : p.Title, Responsible = a.ResponsibleName, DueDate = a.DueDate, Status = a.Status, Outcome = a.Outcome };
            return await Measures(joined, view, ct);
        }, ct);
        return new AtgardListModel(choices, [.. page.Items.Select(m => m.Row(today))], page.Page, page.HasNext);
    }

    /// <summary>Searched by title, problem and owner; sorted by the view's column, by default the due date with undated last.</summary>
    internal static Task<PageOf<ListedMeasure>> Measures(IQueryable<ListedMeasure> query, ListView view, CancellationToken ct)
    {
        var matching = query.Matching(view, m => m.Title, m => m.Problem, m => m.Responsible);
        var ordered = view.Sort is null or "klart"
            ? (view.Descending
                ? matching.OrderByDescending(m => m.DueDate == null).ThenByDescending(m => m.DueDate).ThenBy(m => m.Title).ThenBy(m => m.Id)
                : matching.OrderBy(m => m.DueDate == null).ThenBy(m => m.DueDate).ThenBy(m => m.Title).ThenBy(m => m.Id))
            : matching.SortedBy(view, SortKeys, "titel", false, m => m.Id);
        return ordered.PageAsync(view, ct: ct);
    }

    // ---- One measure ----

    public async Task<AtgardPageModel?> ReadAsync(Guid id, CancellationToken ct = default)
    {
        var m = await db.Atgarder.AsNoTracking().Include(a => a.Progress).Include(a => a.Problems).Include(a => a.AnalysedCauses).AsSingleQuery()
            .FirstOrDefaultAsync(a => a.Id == id, ct);
        if (m is null)
        {
            return null;
        }
        var plan = await db.Atgardsplaner.AsNoTracking().Where(p => p.Id == m.PlanId)
            .Select(p => new { p.Id, p.Title, p.GroupId, p.Status }).FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }
        var today = time.Today();
        var ids = m.Problems.Select(p => p.ProblemId).ToList();
        var targets = ids.Count == 0 ? [] : (await (from p in db.Problems.AsNoTracking()
                                                    join a in db.Areas on p.AreaId equals a.Id
                                                    where ids.Contains(p.Id)
                                                    select new ProblemChoice(p.Id, p.Title, a.Name)).ToListAsync(ct))
            .OrderBy(p => p.Id != m.ProblemId).ThenBy(p => p.Title, Sv.Comparer).ToList();
        var canEdit = (await access.ForAsync(plan.GroupId, ct)).CanEdit;
        IReadOnlyList<Owner> owners = [];
        List<TargetChoice> choices = [];
        if (canEdit)
        {
            owners = await options.OwnersAsync(ct);
            var problems = (await options.ProblemsAsync(ct)).UnionBy(targets, p => p.Id).ToList();
            var latest = await options.LatestCausesAsync([.. problems.Select(p => p.Id)], ct);
            // A problem's causes: those this measure already targets (by their own id), then those of the problem's
            // latest analysis it does not (by the analysis's cause id).
            choices = [.. problems.Select(p =>
            {
                var chosen = m.AnalysedCauses.Where(c => c.ProblemId == p.Id).ToList();
                return new TargetChoice(p, ids.Contains(p.Id), [
                    .. chosen.Select(c => new CauseOption(c.Id, c.Text, c.Kind, true)),
                    .. latest[p.Id].Where(c => chosen.All(k => k.Text != c.Text)).Select(c => new CauseOption(c.Id, c.Text, c.Kind, false))]);
            })];
        }
        return new AtgardPageModel(m.Id, m.Version, plan.Id, plan.Title, plan.GroupId, plan.Status == PlanStatus.Beslutad,
            m.Title, m.Description, m.Causes, m.PreventionType, m.ResponsibleUserId, m.ResponsibleName, m.ResponsibleOrganisation,
            m.StartDate, m.DueDate, m.PlannedCost, m.ActualCost, m.Status, m.IsOverdue(today), m.Method, m.ExpectedEffect, m.HowMeasured,
            m.Outcome, m.Learned,
            [.. m.Progress.OrderByDescending(p => p.Date).ThenByDescending(p => p.CreatedAt).Select(p => new ProgressView(p.Date, p.Text, p.Author))],
            [.. targets.Select(t => new TargetView(t, [.. m.AnalysedCauses.Where(c => c.ProblemId == t.Id).Select(c => new CauseOption(c.Id, c.Text, c.Kind, true))]))],
            canEdit, owners, choices);
    }

    /// <summary>The title, kind, owner, dates, planned cost and status, over the version the user saw.</summary>
    public async Task<IVersioned> EditAsync(Guid id, Guid groupId, AtgardEditInput input, CancellationToken ct = default)
    {
        var (m, plan) = await LoadAsync(id, groupId, input.SeenVersion, ct);
        Owner? owner = null;
        if (input.OwnerId is { } ownerId)
        {
            owner = (await options.OwnersAsync(ct)).FirstOrDefault(o => o.UserId == ownerId)
                ?? throw new DomainException("Den ansvariga måste vara medlem i kommunen.", nameof(Atgard.ResponsibleUserId));
        }
        // A date is removed only when the user said so: an empty or unreadable date never clears a stored one.
        var start = KeptDate(input.Start, input.RemoveStart, m.StartDate, nameof(Atgard.StartDate), "startdatumet");
        var due = KeptDate(input.Due, input.RemoveDue, m.DueDate, nameof(Atgard.DueDate), "slutdatumet");
        m.Describe(input.Title, m.Description, m.Causes, input.Type, m.Method, m.ExpectedEffect, m.HowMeasured);
        if (owner?.UserId != m.ResponsibleUserId)
        {
            m.Assign(owner?.Organisation ?? "", owner?.UserId, owner?.Name ?? "", m.Partners);
        }
        m.Schedule(start, due, Money(input.PlannedCost, nameof(Atgard.PlannedCost)));
        if (input.Status != m.Status)
        {
            m.SetStatus(input.Status);
        }
        plan.Revise(input.RevisionNote, tenant.DisplayName, time.GetUtcNow());
        return m;
    }

    private static DateOnly? KeptDate(DateOnly? given, bool remove, DateOnly? stored, string field, string what) =>
        given ?? (remove || stored is null ? null
            : throw new DomainException($"Datumet saknas. Välj {what} i kalendern, eller välj att ta bort det.", field));

    /// <summary>The problems and their analysed causes the measure targets; the first chosen becomes the main problem of a measure that had none.</summary>
    public async Task<IVersioned> TargetAsync(Guid id, Guid groupId, TargetInput input, CancellationToken ct = default)
    {
        var (m, plan) = await LoadAsync(id, groupId, input.SeenVersion, ct);
        var open = await options.ProblemsAsync(ct);
        var problems = input.Problems.Where(p => open.Any(o => o.Id == p) || m.Problems.Any(t => t.ProblemId == p)).Distinct().ToList();
        var latest = await options.LatestCausesAsync([.. problems.Concat(input.Causes.Count > 0 ? open.Select(o => o.Id) : [])], ct);
        var causes = input.Causes.Select(cause =>
            m.AnalysedCauses.FirstOrDefault(c => c.Id == cause) is { } keptCause ? (keptCause.ProblemId, keptCause.Text, keptCause.Kind)
            : latest.SelectMany(g => g).FirstOrDefault(c => c.Id == cause) is { } analysed ? (analysed.ProblemId, analysed.Text, analysed.Kind)
            : throw new DomainException("En av orsakerna finns inte längre i orsaksanalysen. Välj bland dem som visas nu.", nameof(Atgard.Problems)))
            .ToList();
        m.Target(problems, causes);
        plan.Revise(input.RevisionNote, tenant.DisplayName, time.GetUtcNow());
        return m;
    }

    /// <summary>A follow-up note: what has happened, dated today. A note adds to the measure and overwrites nothing.</summary>
    public async Task<IVersioned> AddProgressAsync(Guid id, Guid groupId, string text, CancellationToken ct = default)
    {
        var (m, _) = await LoadAsync(id, groupId, null, ct);
        if (m.Status is AtgardStatus.Genomford or AtgardStatus.Installd)
        {
            throw new DomainException("Åtgärden är avslutad. Ändra status om arbetet har börjat igen.", nameof(AtgardProgress.Text));
        }
        var now = time.GetUtcNow();
        db.Add(m.AddProgress(SwedishTime.DateOf(now), text, tenant.DisplayName, now));
        return m;
    }

    /// <summary>Completes the measure with its evaluation, over the version the user saw.</summary>
    public async Task<IVersioned> CompleteAsync(Guid id, Guid groupId, CompleteInput input, CancellationToken ct = default)
    {
        var (m, _) = await LoadAsync(id, groupId, input.SeenVersion, ct);
        m.Complete(input.Outcome, input.Learned, Money(input.ActualCost, nameof(Atgard.ActualCost)));
        return m;
    }

    /// <summary>
    /// One of the measure's long texts, written over the text the user started from (saved as they type). On a
    /// decided plan the first change of a text on a day is noted in the plan's revisions, so its history shows.
    /// </summary>
    public async Task<IVersioned> WriteTextAsync(Guid id, Guid groupId, AtgardTextField field, string text, string seen, CancellationToken ct = default)
    {
        var (m, plan) = await LoadAsync(id, groupId, null, ct);
        var current = Text(m, field);
        if (!string.Equals(Normalise(current), Normalise(seen), StringComparison.Ordinal))
        {
            throw new ConflictException(TextChangedMeanwhile, field.ToString(), current);
        }
        m.Describe(m.Title,
            field == AtgardTextField.Description ? text : m.Description,
            field == AtgardTextField.Causes ? text : m.Causes,
            m.PreventionType,
            field == AtgardTextField.Method ? text : m.Method,
            field == AtgardTextField.ExpectedEffect ? text : m.ExpectedEffect,
            field == AtgardTextField.HowMeasured ? text : m.HowMeasured);
        if (plan.Status == PlanStatus.Beslutad)
        {
            var now = time.GetUtcNow();
            var note = $"”{m.Title}”: {Label(field).ToLower(Sv.Culture)} ändrad.";
            if (!plan.Revisions.Any(r => r.Note == note && r.Author == tenant.DisplayName && SwedishTime.DateOf(r.At) == SwedishTime.DateOf(now)))
            {
                db.Add(plan.Revise(note, tenant.DisplayName, now)!);
            }
        }
        return m;
    }

    public static string Label(AtgardTextField field) => field switch
    {
        AtgardTextField.Description => "Beskrivning",
        AtgardTextField.Causes => "Andra orsaker, med egna ord",
        AtgardTextField.Method => "Metod eller kunskap den bygger på",
        AtgardTextField.ExpectedEffect => "Förväntad effekt",
        _ => "Hur effekten mäts",
    };

    public static string Text(AtgardPageModel m, AtgardTextField field) => field switch
    {
        AtgardTextField.Description => m.Description,
        AtgardTextField.Causes => m.Causes,
        AtgardTextField.Method => m.Method,
        AtgardTextField.ExpectedEffect => m.ExpectedEffect,
        _ => m.HowMeasured,
    };

    private static string Text(Atgard m, AtgardTextField field) => field switch
    {
        AtgardTextField.Description => m.Description,
        AtgardTextField.Causes => m.Causes,
        AtgardTextField.Method => m.Method,
        AtgardTextField.ExpectedEffect => m.ExpectedEffect,
        _ => m.HowMeasured,
    };

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>An amount in kronor as typed ("25 000", "1200,50"); empty is none.</summary>
    public static decimal? Money(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var cleaned = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal)
            .Replace("kr", "", StringComparison.OrdinalIgnoreCase).Replace('.', ',');
        return decimal.TryParse(cleaned, NumberStyles.Number, Sv.Culture, out var v)
            ? v
            : throw new DomainException("Skriv kostnaden i kronor, till exempel 25000.", field);
    }

    /// <summary>The measure (tracked) and its plan; the plan must be the group's whose right was checked.</summary>
    private async Task<(Atgard Measure, Atgardsplan Plan)> LoadAsync(Guid id, Guid groupId, Guid? seenVersion, CancellationToken ct)
    {
        var m = await db.Atgarder.Include(a => a.Problems).Include(a => a.AnalysedCauses).AsSingleQuery().FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new DomainException("Åtgärden finns inte.");
        var plan = await db.Atgardsplaner.Include(p => p.Revisions).FirstOrDefaultAsync(p => p.Id == m.PlanId, ct)
            ?? throw new DomainException("Åtgärden finns inte.");
        if (plan.GroupId != groupId)
        {
            throw new ForbiddenException();
        }
        if (seenVersion is { } seen && seen != m.Version)
        {
            throw new ConflictException(ChangedMeanwhile, null, null);
        }
        return (m, plan);
    }
}

public enum AtgardTextField
{
    Description,
    Causes,
    Method,
    ExpectedEffect,
    HowMeasured,
}

/// <summary>The list's filters besides search, sort and page; all in the address.</summary>
public sealed record AtgardFilter(string View, Guid? AreaId, Guid? ProblemId, string? Organisation, AtgardStatus? Status);

public sealed record NamedChoice(Guid Id, string Name);

public sealed record AtgardListChoices(IReadOnlyList<NamedChoice> Areas, IReadOnlyList<NamedChoice> Problems, IReadOnlyList<string> Organisations);

public sealed record AtgardListModel(AtgardListChoices Choices, IReadOnlyList<MeasureRow> Rows, int Page, bool HasNext);

/// <summary>A measure in a list.</summary>
public sealed record MeasureRow(Guid Id, string Title, string Problem, string Responsible, DateOnly? DueDate, AtgardStatus Status, bool Overdue, Outcome? Outcome);

/// <summary>A measure as a list query projects it (sortable and searchable columns; member-initialised so that the
/// database can sort and search by them).</summary>
public sealed class ListedMeasure
{
    public Guid Id { get; init; }
    public string Title { get; init; } = "";
    public string Problem { get; init; } = "";
    public string Responsible { get; init; } = "";
    public DateOnly? DueDate { get; init; }
    public AtgardStatus Status { get; init; }
    public Outcome? Outcome { get; init; }

    public MeasureRow Row(DateOnly today) => new(Id, Title, Problem, Responsible, DueDate, Status,
        Status is AtgardStatus.Planerad or AtgardStatus.Pagar && DueDate < today, Outcome);
}

public sealed record ProgressView(DateOnly Date, string Text, string Author);

public sealed record CauseOption(Guid Id, string Text, CauseKind Kind, bool Chosen);

public sealed record TargetView(ProblemChoice Problem, IReadOnlyList<CauseOption> Causes);

/// <summary>A problem the measure can target, whether it does, and its causes to choose from.</summary>
public sealed record TargetChoice(ProblemChoice Problem, bool Chosen, IReadOnlyList<CauseOption> Causes);

/// <summary>The measure page as shown to one user: the measure and what they may do.</summary>
public sealed record AtgardPageModel(
    Guid Id, Guid Version, Guid PlanId, string PlanTitle, Guid GroupId, bool PlanDecided,
    string Title, string Description, string Causes, PreventionType Type, Guid? OwnerId, string OwnerName, string OwnerOrganisation,
    DateOnly? Start, DateOnly? Due, decimal? PlannedCost, decimal? ActualCost, AtgardStatus Status, bool Overdue,
    string Method, string ExpectedEffect, string HowMeasured, Outcome? Outcome, string Learned,
    IReadOnlyList<ProgressView> Progress, IReadOnlyList<TargetView> Targets, bool CanEdit, IReadOnlyList<Owner> Owners, IReadOnlyList<TargetChoice> Choices)
{
    public bool IsClosed => Status is AtgardStatus.Genomford or AtgardStatus.Installd;
}

/// <summary>The edit form's input. A date is removed only with its Remove flag: an empty date keeps the stored one.</summary>
public sealed class AtgardEditInput
{
    public Guid SeenVersion { get; set; }
    public string Title { get; set; } = "";
    public PreventionType Type { get; set; }
    public Guid? OwnerId { get; set; }
    public DateOnly? Start { get; set; }
    public bool RemoveStart { get; set; }
    public DateOnly? Due { get; set; }
    public bool RemoveDue { get; set; }
    public string PlannedCost { get; set; } = "";
    public AtgardStatus Status { get; set; }
    public string RevisionNote { get; set; } = "";

    public static AtgardEditInput From(AtgardPageModel m) => new()
    {
        SeenVersion = m.Version, Title = m.Title, Type = m.Type, OwnerId = m.OwnerId, Start = m.Start, Due = m.Due,
        PlannedCost = m.PlannedCost?.ToString("0.##", CultureInfo.InvariantCulture) ?? "", Status = m.Status,
    };
}

public sealed record TargetInput(Guid SeenVersion, IReadOnlyList<Guid> Problems, IReadOnlyList<Guid> Causes, string RevisionNote);

public sealed class CompleteInput
{
    public Guid SeenVersion { get; set; }
    public Outcome? Outcome { get; set; }
    public string Learned { get; set; } = "";
    public string ActualCost { get; set; } = "";
}
