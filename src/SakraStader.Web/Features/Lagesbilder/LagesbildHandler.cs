using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Groups;

namespace SakraStader.Features.Lagesbilder;

/// <summary>Creates, loads and fixes lägesbilder. Every read goes through the tenant filter.</summary>
public sealed class LagesbildHandler(AppDbContext db, LagesbildCompiler compiler, TimeProvider time)
{
    /// <summary>
    /// A new draft for the group and month, with last month's open problems carried over (their assessments as the
    /// starting point). Returns the existing one when the month already has a lägesbild. The command path saves.
    /// </summary>
    public async Task<Guid> CreateAsync(Guid groupId, int year, int month, CancellationToken ct = default)
    {
        var existing = await db.Lagesbilder.Where(l => l.GroupId == groupId && l.Year == year && l.Month == month).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            return id;
        }
        var lagesbild = new Lagesbild(groupId, year, month);
        var previous = await db.Lagesbilder.AsNoTracking()
            .Where(l => l.GroupId == groupId && (l.Year < year || (l.Year == year && l.Month < month)))
            .OrderByDescending(l => l.Year).ThenByDescending(l => l.Month)
            .Include(l => l.Assessments).ThenInclude(a => a.Causes)
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        if (previous is not null)
        {
            var problemIds = previous.Assessments.Select(a => a.ProblemId).ToList();
            var open = await db.Problems.Where(p => problemIds.Contains(p.Id) && !p.Closed).Select(p => p.Id).ToListAsync(ct);
            lagesbild.CarryOver(previous, open.ToHashSet());
        }
        db.Lagesbilder.Add(lagesbild);
        return lagesbild.Id;
    }

    /// <summary>
    /// For showing: a fixed lägesbild needs only its versions (the page shows the latest one's content); a draft also
    /// needs its sections, assessments and causes, read in one more command (a few rows each, so one joined query costs
    /// less than one per collection). The entity is tracked so that the second read fills the same instance; nothing
    /// saves it, and the page keeps it (read-only) after this request's context is gone.
    /// </summary>
    public async Task<Lagesbild?> LoadForReadingAsync(Guid id, CancellationToken ct = default)
    {
        var lagesbild = await db.Lagesbilder.Include(l => l.Versions).FirstOrDefaultAsync(l => l.Id == id, ct);
        if (lagesbild is { Status: not LagesbildStatus.Faststalld })
        {
            await db.Lagesbilder.Where(l => l.Id == id)
                .Include(l => l.Sections).Include(l => l.Assessments).ThenInclude(a => a.Causes)
                .AsSingleQuery().LoadAsync(ct);
        }
        return lagesbild;
    }

    public Task<Lagesbild?> LoadAsync(Guid id, bool tracked, CancellationToken ct = default)
    {
        var query = db.Lagesbilder
            .Include(l => l.Sections).Include(l => l.Versions)
            .Include(l => l.Assessments).ThenInclude(a => a.Causes)
            .AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(l => l.Id == id, ct);
    }

    /// <summary>The content as it stands, with freshly compiled figures: what a fixed version stores.</summary>
    public async Task<LagesbildSnapshot> SnapshotAsync(Lagesbild lagesbild, CancellationToken ct = default)
    {
        var figures = await compiler.CompileAsync(lagesbild.Year, lagesbild.Month, ct);
        var problemIds = lagesbild.Assessments.Select(a => a.ProblemId).ToList();
        var problems = await (from p in db.Problems.AsNoTracking()
                              join a in db.Areas on p.AreaId equals a.Id
                              where problemIds.Contains(p.Id)
                              select new { p.Id, p.Title, Area = a.Name }).ToDictionaryAsync(p => p.Id, ct);
        return new LagesbildSnapshot(
            lagesbild.Summary,
            lagesbild.Prognosis,
            [.. lagesbild.Sections.OrderBy(s => s.Organisation).Select(s => new SnapshotSection(s.Organisation, s.Text, s.UpdatedBy))],
            [.. lagesbild.Assessments.OrderBy(a => a.Priority).ThenBy(a => a.Order).Select(a => new SnapshotAssessment(
                problems.TryGetValue(a.ProblemId, out var p) ? p.Title : "", p?.Area ?? "",
                a.Art, a.Omfattning, a.Konsekvens, a.Trend, a.Priority,
                [.. a.Causes.Select(c => new SnapshotCause(c.Text, c.Kind, c.Evidence))]))],
            figures);
    }

    /// <summary>The chair fixes the lägesbild: figures and texts are frozen in a new version. The command path saves.</summary>
    public async Task FixAsync(Lagesbild lagesbild, GroupRights rights, CancellationToken ct = default)
    {
        var chair = rights.MemberId is { } memberId ? await db.GroupMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct) : null;
        if (chair is null)
        {
            throw new DomainException("Bara gruppens ordförande kan fastställa lägesbilden.");
        }
        var snapshot = await SnapshotAsync(lagesbild, ct);
        var now = time.GetUtcNow();
        // Presented at: the group's latest meeting held within the month while it runs; once it has ended, the latest
        // held after its end (the meeting where the finished month is presented), or none.
        var (start, end) = SwedishTime.MonthBounds(lagesbild.Year, lagesbild.Month);
        var from = now < end ? start : end;
        var meeting = await db.Meetings.Where(m => m.GroupId == lagesbild.GroupId && !m.Cancelled && m.StartsAt >= from && m.StartsAt <= now)
            .OrderByDescending(m => m.StartsAt).FirstOrDefaultAsync(ct);
        lagesbild.Fix(chair, now, snapshot.ToJson(), meeting);
    }
}
