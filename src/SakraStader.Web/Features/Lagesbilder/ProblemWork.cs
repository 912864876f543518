using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Groups;
using SakraStader.Tenancy;

namespace SakraStader.Features.Lagesbilder;

/// <summary>
/// A problem's page: its assessment month by month, with causes, and the measures against it (read as a record), and
/// the command that adds a measure against it to one of the user's groups' plans. The command path checks the right in
/// the plan's group; <see cref="Operations"/> saves.
/// </summary>
public sealed class ProblemWork(AppDbContext db, TenantContext tenant, TimeProvider time)
{
    public async Task<ProblemPageModel?> ReadAsync(Guid id, CancellationToken ct = default)
    {
        var problem = await (from p in db.Problems.AsNoTracking()
                             join a in db.Areas on p.AreaId equals a.Id
                             where p.Id == id
                             select new { p.Id, p.Title, Area = a.Name, p.Closed, p.CreatedAt }).FirstOrDefaultAsync(ct);
        if (problem is null)
        {
            return null;
        }
        var history = await (from a in db.ProblemAssessments.AsNoTracking()
                             join l in db.Lagesbilder on a.LagesbildId equals l.Id
                             join g in db.Groups on l.GroupId equals g.Id
                             where a.ProblemId == id
                             orderby l.Year descending, l.Month descending
                             select new ProblemAssessmentRow(a.Id, l.Id, l.Year, l.Month, g.Name, l.Status, a.Art, a.Omfattning, a.Konsekvens, a.Trend, a.Priority))
            .ToListAsync(ct);
        var ids = history.Select(h => h.AssessmentId).ToList();
        var causes = (await db.ProblemCauses.AsNoTracking().Where(c => ids.Contains(c.AssessmentId))
                .Select(c => new { c.AssessmentId, Cause = new SnapshotCause(c.Text, c.Kind, c.Evidence) }).ToListAsync(ct))
            .GroupBy(c => c.AssessmentId).ToDictionary(g => g.Key, g => (IReadOnlyList<SnapshotCause>)[.. g.Select(c => c.Cause)]);
        var today = time.Today();
        var measures = await db.Atgarder.AsNoTracking().Where(a => a.Problems.Any(t => t.ProblemId == id)).OrderBy(a => a.DueDate)
            .Select(a => new ProblemMeasureRow(a.Id, a.Title, a.Status, a.DueDate, a.Outcome, a.Learned)).ToListAsync(ct);
        IReadOnlyList<MeasurePlanOption> plans = [];
        if (tenant.Has(Role.Medlem))
        {
            // Plans of the groups whose material the user edits (their own groups; every group for the samordnare).
            var userId = tenant.UserId ?? Guid.Empty;
            var all = tenant.Has(Role.Samordnare);
            plans = await db.Atgardsplaner.AsNoTracking()
                .Where(p => all || db.GroupMembers.Any(m => m.GroupId == p.GroupId && m.UserId == userId))
                .OrderBy(p => p.Status).ThenBy(p => p.Title)
                .Select(p => new MeasurePlanOption(p.Id, p.GroupId, p.Title, p.Status == PlanStatus.Beslutad)).ToListAsync(ct);
        }
        return new ProblemPageModel(problem.Id, problem.Title, problem.Area, problem.Closed, problem.CreatedAt, history, causes, measures, plans, today);
    }

    /// <summary>A measure against the problem in a plan of the group whose right the command path checked.</summary>
    public async Task<Guid> AddMeasureAsync(Guid problemId, Guid groupId, ProblemMeasureInput input, CancellationToken ct = default)
    {
        if (!await db.Problems.AnyAsync(p => p.Id == problemId, ct))
        {
            throw new DomainException("Problemet finns inte.");
        }
        var plan = await db.Atgardsplaner.Include(p => p.Revisions).FirstOrDefaultAsync(p => p.Id == input.PlanId, ct)
            ?? throw new DomainException("Välj en av dina gruppers planer.", nameof(ProblemMeasureInput.PlanId));
        // The right was checked in groupId; the plan must be that group's.
        if (plan.GroupId != groupId)
        {
            throw new ForbiddenException();
        }
        var measure = new Atgard(plan.Id, input.Title, problemId);
        plan.Revise(input.RevisionNote, tenant.DisplayName, time.GetUtcNow());
        db.Atgarder.Add(measure);
        return measure.Id;
    }
}

public sealed record ProblemPageModel(Guid Id, string Title, string Area, bool Closed, DateTimeOffset CreatedAt,
    IReadOnlyList<ProblemAssessmentRow> History, IReadOnlyDictionary<Guid, IReadOnlyList<SnapshotCause>> Causes,
    IReadOnlyList<ProblemMeasureRow> Measures, IReadOnlyList<MeasurePlanOption> Plans, DateOnly Today);

public sealed record ProblemAssessmentRow(Guid AssessmentId, Guid LagesbildId, int Year, int Month, string Group, LagesbildStatus Status,
    string Art, string Omfattning, string Konsekvens, Trend Trend, int Priority);

public sealed record ProblemMeasureRow(Guid Id, string Title, AtgardStatus Status, DateOnly? DueDate, Outcome? Outcome, string Learned);

/// <summary>A plan the user may add a measure to; a decided plan needs a note saying why.</summary>
public sealed record MeasurePlanOption(Guid Id, Guid GroupId, string Title, bool Decided);

/// <summary>A measure against the problem: the input of the form on the problem's page.</summary>
public sealed class ProblemMeasureInput
{
    public Guid? PlanId { get; set; }
    public string Title { get; set; } = "";
    public string? RevisionNote { get; set; }
}
