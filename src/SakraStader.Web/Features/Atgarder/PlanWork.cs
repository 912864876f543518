using Microsoft.EntityFrameworkCore;
using SakraStader.Components.Lists;
using SakraStader.Components.Ui;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Groups;
using SakraStader.Features.Meetings;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.Atgarder;

/// <summary>
/// The plans list's, the plan page's and the sheet update's reads and commands. Reads return records (kept until the
/// kommun's records change); commands load through the tenant filter, check that the plan is the group's whose right
/// the command path checked, and apply the model's rules. <see cref="Operations"/> saves, with the audit, in one transaction.
/// </summary>
public sealed class PlanWork(AppDbContext db, AtgardOptions options, KommunCache kept, GroupAccess access, TenantContext tenant, TimeProvider time)
{
    public const string SheetChangedMeanwhile = "Någon har ändrat åtgärderna sedan förhandsgranskningen. Inget är sparat. Granska filen igen och spara då.";
    public const int MaxSheetBytes = 5 * 1024 * 1024;

    private static readonly IReadOnlyList<SortKey<ListedPlan>> PlanSortKeys =
    [
        new("plan", p => p.Title),
        new("grupp", p => p.Group),
        new("status", p => p.Status),
    ];

    // ---- The plans ----

    /// <summary>Drafts first, then the newest (ids are time-ordered), unless the address sorts otherwise; searched by title and group.</summary>
    public async Task<PlanListModel> ListAsync(ListView view, CancellationToken ct = default)
    {
        var page = await kept.GetOrCompileAsync("plans", view, async () =>
        {
            var query = (from p in db.Atgardsplaner.AsNoTracking()
                         join g in db.Groups on p.GroupId equals g.Id
                         select new ListedPlan { Id = p.Id, Title = p.Title, Group = g.Name, Status = p.Status })
                .Matching(view, p => p.Title, p => p.Group);
            var ordered = view.Sort is null ? query.OrderBy(p => p.Status).ThenByDescending(p => p.Id) : query.SortedBy(view, PlanSortKeys, "plan", false, p => p.Id);
            var list = await ordered.PageAsync(view, 25, ct);
            // The measures are counted for the page only (counting in the sorted query would count every plan's).
            var ids = list.Items.Select(p => p.Id).ToList();
            var counts = await db.Atgarder.AsNoTracking().Where(a => ids.Contains(a.PlanId)).GroupBy(a => a.PlanId)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            return new PageOf<PlanRow>([.. list.Items.Select(p => new PlanRow(p.Id, p.Title, p.Group, p.Status, counts.GetValueOrDefault(p.Id)))], list.Page, list.HasNext);
        }, ct);
        IReadOnlyList<GroupOption> groups = [];
        if (tenant.Has(Role.Medlem))
        {
            var userId = tenant.UserId ?? Guid.Empty;
            var all = tenant.Has(Role.Samordnare);
            groups = await kept.GetOrCompileAsync("plan-groups", all ? Guid.Empty : userId, async () => (IReadOnlyList<GroupOption>)await db.Groups.AsNoTracking()
                .Where(g => all || db.GroupMembers.Any(m => m.GroupId == g.Id && m.UserId == userId))
                .OrderBy(g => g.Name).Select(g => new GroupOption(g.Id, g.Name, g.Kind)).ToListAsync(ct), ct);
        }
        return new PlanListModel(page.Items, page.Page, page.HasNext, groups);
    }

    /// <summary>
    /// A new plan for a group: an EST plan builds on the group's latest lägesbild; the styrgrupp's is long-term, for three
    /// years, and builds on its latest fördjupad lägesbild (approved ones first).
    /// </summary>
    public async Task<Guid> CreateAsync(Guid groupId, string title, CancellationToken ct = default)
    {
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == groupId).Select(g => new { g.Id, g.Kind }).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("Välj en av dina grupper.", "GroupId");
        Atgardsplan plan;
        if (group.Kind == GroupKind.Styrgrupp)
        {
            var year = time.Today().Year;
            var deep = await db.FordjupadeLagesbilder.AsNoTracking().Where(f => f.GroupId == group.Id)
                .OrderByDescending(f => f.Status).ThenByDescending(f => f.ToYear).Select(f => (Guid?)f.Id).FirstOrDefaultAsync(ct);
            plan = new Atgardsplan(group.Id, PlanKind.Langsiktig, title, null, year, year + 2, deep);
        }
        else
        {
            var latest = await db.Lagesbilder.AsNoTracking().Where(l => l.GroupId == group.Id)
                .OrderByDescending(l => l.Year).ThenByDescending(l => l.Month).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct);
            plan = new Atgardsplan(group.Id, PlanKind.Kortsiktig, title, latest, null, null);
        }
        db.Atgardsplaner.Add(plan);
        return plan.Id;
    }

    // ---- One plan ----

    public async Task<PlanPageModel?> ReadAsync(Guid id, CancellationToken ct = default)
    {
        var p = await kept.GetOrCompileAsync("plan-record", id, () => KeepAsync(id, ct), ct);
        if (p is null)
        {
            return null;
        }
        var now = time.GetUtcNow();
        var today = SwedishTime.DateOf(now);
        var rights = await access.ForAsync(p.GroupId, ct);
        IReadOnlyList<ProblemChoice> problems = [];
        IReadOnlyList<Owner> owners = [];
        IReadOnlyList<DecisionMeeting> meetings = [];
        if (rights.CanEdit)
        {
            problems = await options.ProblemsAsync(ct);
            owners = await options.OwnersAsync(ct);
            if (p.Status == PlanStatus.Utkast)
            {
                // Only a draft is decided: the meetings it can be decided at (those begun by this minute).
                var minute = now.Ticks / TimeSpan.TicksPerMinute;
                meetings = await kept.GetOrCompileAsync("plan-meetings", (p.GroupId, minute), () => db.HeldMeetingsAsync(p.GroupId, now, 6), ct);
            }
        }
        var totals = new PlanTotals(p.Measures.Count, p.Measures.Count(m => m.Status is AtgardStatus.Planerad or AtgardStatus.Pagar && m.DueDate < today),
            p.Measures.Sum(m => m.PlannedCost ?? 0), p.Measures.Sum(m => m.ActualCost ?? 0));
        return new PlanPageModel(p.Id, p.Title, p.GroupId, p.Group, p.Status, p.DecidedAt, p.Basis, totals, p.Revisions, rights.CanEdit, problems, owners, meetings);
    }

    private async Task<KeptPlan?> KeepAsync(Guid id, CancellationToken ct)
    {
        var loaded = await (from p in db.Atgardsplaner.AsNoTracking().Include(p => p.Revisions)
                            join g in db.Groups on p.GroupId equals g.Id
                            where p.Id == id
                            select new
                            {
                                Plan = p,
                                Group = g.Name,
                                DeepFrom = db.FordjupadeLagesbilder.Where(f => f.Id == p.FordjupadId).Select(f => (int?)f.FromYear).FirstOrDefault(),
                                DeepTo = db.FordjupadeLagesbilder.Where(f => f.Id == p.FordjupadId).Select(f => (int?)f.ToYear).FirstOrDefault(),
                                Year = db.Lagesbilder.Where(l => l.Id == p.LagesbildId).Select(l => (int?)l.Year).FirstOrDefault(),
                                Month = db.Lagesbilder.Where(l => l.Id == p.LagesbildId).Select(l => (int?)l.Month).FirstOrDefault(),
                            }).FirstOrDefaultAsync(ct);
        if (loaded is null)
        {
            return null;
        }
        var plan = loaded.Plan;
        PlanBasis? basis = null;
        if (plan.FordjupadId is { } deepId && loaded is { DeepFrom: { } from, DeepTo: { } to })
        {
            basis = new PlanBasis($"fordjupad/{deepId}", $"den fördjupade lägesbilden {(from == to ? $"{from}" : $"{from}–{to}")}");
        }
        else if (plan.LagesbildId is { } lagesbildId && loaded is { Year: { } year, Month: { } month })
        {
            basis = new PlanBasis($"lagesbilder/{lagesbildId}", $"lägesbilden för {Sv.MonthName(year, month)}");
        }
        var measures = await db.Atgarder.AsNoTracking().Where(a => a.PlanId == id)
            .Select(a => new KeptMeasureFigures(a.DueDate, a.Status, a.PlannedCost, a.ActualCost)).ToListAsync(ct);
        return new KeptPlan(plan.Id, plan.Title, plan.GroupId, loaded.Group, plan.Status, plan.DecidedAt, basis,
            [.. plan.Revisions.OrderByDescending(r => r.Number).Select(r => new RevisionView(r.At, r.Author, r.Note))], measures);
    }

    private sealed record KeptPlan(Guid Id, string Title, Guid GroupId, string Group, PlanStatus Status, DateTimeOffset? DecidedAt, PlanBasis? Basis,
        IReadOnlyList<RevisionView> Revisions, IReadOnlyList<KeptMeasureFigures> Measures);

    private sealed record KeptMeasureFigures(DateOnly? DueDate, AtgardStatus Status, decimal? PlannedCost, decimal? ActualCost);

    /// <summary>One page of the plan's measures, searched, filtered by status and sorted on the server.</summary>
    public async Task<PageOf<MeasureRow>> MeasuresAsync(Guid planId, AtgardStatus? status, ListView view, CancellationToken ct = default)
    {
        var today = time.Today();
        var page = await kept.GetOrCompileAsync("plan-measures", (planId, status, view), () =>
        {
            var query = from a in db.Atgarder.AsNoTracking()
                        join p in db.Problems on a.ProblemId equals p.Id into ps
                        from p in ps.DefaultIfEmpty()
                        where a.PlanId == planId && (status == null || a.Status == status)
                        select new ListedMeasure { Id = a.Id, Title = a.Title, Problem = p == null ? "" : p.Title, Responsible = a.ResponsibleName, DueDate = a.DueDate, Status = a.Status, Outcome = a.Outcome };
            return AtgardWork.Measures(query, view, ct);
        }, ct);
        return new PageOf<MeasureRow>([.. page.Items.Select(m => m.Row(today))], page.Page, page.HasNext);
    }

    /// <summary>A new measure in the plan; on a decided plan with a note saying why.</summary>
    public async Task<Guid> AddMeasureAsync(Guid planId, Guid groupId, NewMeasureInput input, CancellationToken ct = default)
    {
        var plan = await LoadAsync(planId, groupId, ct);
        var problems = await options.ProblemsAsync(ct);
        var measure = new Atgard(plan.Id, input.Title, problems.Any(p => p.Id == input.ProblemId) ? input.ProblemId : null);
        Owner? owner = null;
        if (input.OwnerId is { } ownerId)
        {
            owner = (await options.OwnersAsync(ct)).FirstOrDefault(o => o.UserId == ownerId)
                ?? throw new DomainException("Den ansvariga måste vara medlem i kommunen.", nameof(Atgard.ResponsibleUserId));
        }
        measure.Assign(owner?.Organisation ?? "", owner?.UserId, owner?.Name ?? "", "");
        measure.Schedule(input.Start, input.Due, null);
        plan.Revise(input.RevisionNote, tenant.DisplayName, time.GetUtcNow());
        db.Atgarder.Add(measure);
        return measure.Id;
    }

    /// <summary>The group decided the draft at one of its held meetings.</summary>
    public async Task DecideAsync(Guid planId, Guid groupId, Guid? meetingId, CancellationToken ct = default)
    {
        var plan = await LoadAsync(planId, groupId, ct);
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new DomainException("Välj mötet där gruppen fattade beslutet.", nameof(Atgardsplan.MeetingId));
        plan.Decide(meeting, time.GetUtcNow());
    }

    // ---- Many measures from the plan's sheet ----

    /// <summary>What the sheet would change, without saving: the changes, the rows that cannot be applied, and the
    /// measures' versions now (the confirmation is refused if they change before it).</summary>
    public async Task<SheetPreview> PreviewSheetAsync(Guid planId, Guid groupId, string fileName, byte[] content, string? note, CancellationToken ct = default)
    {
        (await access.ForAsync(groupId, ct)).EnsureCanEdit();
        var (update, versions, noteError) = await ApplySheetAsync(planId, groupId, fileName, content, note, ct);
        return new SheetPreview(update.Changes, update.Errors, versions, noteError);
    }

    /// <summary>Saves the sheet's changes, all or none, if the measures are as they were at the preview.</summary>
    public async Task<int> CommitSheetAsync(Guid planId, Guid groupId, string fileName, byte[] content, string? note, string seenVersions, CancellationToken ct = default)
    {
        var (update, versions, noteError) = await ApplySheetAsync(planId, groupId, fileName, content, note, ct);
        if (versions != seenVersions)
        {
            throw new ConflictException(SheetChangedMeanwhile, null, null);
        }
        if (noteError is not null)
        {
            throw new DomainException(noteError, nameof(PlanRevision.Note));
        }
        if (!update.CanCommit)
        {
            throw new DomainException(update.Errors.Count > 0 ? "Filen har rader med fel. Inget är sparat." : "Filen ändrar ingenting i planen.", "Sheet");
        }
        return update.Changes.Count;
    }

    private async Task<(SheetUpdate Update, string Versions, string? NoteError)> ApplySheetAsync(Guid planId, Guid groupId, string fileName, byte[] content,
        string? note, CancellationToken ct)
    {
        if (content.Length > MaxSheetBytes)
        {
            throw new DomainException("Filen är större än 5 MB. En plans fil är mycket mindre; kontrollera att det är rätt fil.", "Sheet");
        }
        var plan = await LoadAsync(planId, groupId, ct);
        var rows = await PlanSheet.ReadAsync(fileName, content);
        var measures = await db.Atgarder.Include(a => a.Progress).Where(a => a.PlanId == planId).ToListAsync(ct);
        var versions = string.Join(",", measures.OrderBy(m => m.Id).Select(m => m.Version.ToString()));
        var now = time.GetUtcNow();
        var update = PlanSheet.Apply(rows, measures, tenant.DisplayName, now, SwedishTime.DateOf(now));
        string? noteError = null;
        if (update.Changes.Count > 0)
        {
            try
            {
                plan.Revise(note, tenant.DisplayName, now);
            }
            catch (DomainException e)
            {
                noteError = e.Message;
            }
        }
        return (update, versions, noteError);
    }

    private async Task<Atgardsplan> LoadAsync(Guid planId, Guid groupId, CancellationToken ct)
    {
        var plan = await db.Atgardsplaner.Include(p => p.Revisions).FirstOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw new DomainException("Planen finns inte.");
        // The command path checked the user's right in groupId; the plan must be that group's.
        if (plan.GroupId != groupId)
        {
            throw new ForbiddenException();
        }
        return plan;
    }
}

public sealed class ListedPlan
{
    public Guid Id { get; init; }
    public string Title { get; init; } = "";
    public string Group { get; init; } = "";
    public PlanStatus Status { get; init; }
}

public sealed record PlanRow(Guid Id, string Title, string Group, PlanStatus Status, int Measures);

public sealed record GroupOption(Guid Id, string Name, GroupKind Kind);

public sealed record PlanListModel(IReadOnlyList<PlanRow> Rows, int Page, bool HasNext, IReadOnlyList<GroupOption> Groups);

/// <summary>What the plan builds on: a link (under the kommun) and its words.</summary>
public sealed record PlanBasis(string Path, string Text);

public sealed record RevisionView(DateTimeOffset At, string Author, string Note);

/// <summary>Over all the plan's measures: how many, how many late, and the costs.</summary>
public sealed record PlanTotals(int Count, int Overdue, decimal PlannedCost, decimal ActualCost);

public sealed record PlanPageModel(Guid Id, string Title, Guid GroupId, string Group, PlanStatus Status, DateTimeOffset? DecidedAt, PlanBasis? Basis,
    PlanTotals Totals, IReadOnlyList<RevisionView> Revisions, bool CanEdit, IReadOnlyList<ProblemChoice> Problems, IReadOnlyList<Owner> Owners,
    IReadOnlyList<DecisionMeeting> Meetings)
{
    public bool Decided => Status == PlanStatus.Beslutad;
}

public sealed class NewMeasureInput
{
    public string Title { get; set; } = "";
    public Guid? ProblemId { get; set; }
    public Guid? OwnerId { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? Due { get; set; }
    public string RevisionNote { get; set; } = "";
}

/// <summary>A sheet's preview: nothing is saved; <see cref="Versions"/> goes back with the confirmation.</summary>
public sealed record SheetPreview(IReadOnlyList<MeasureChange> Changes, IReadOnlyList<SheetError> Errors, string Versions, string? NoteError)
{
    public bool CanCommit => Errors.Count == 0 && Changes.Count > 0 && NoteError is null;
}
