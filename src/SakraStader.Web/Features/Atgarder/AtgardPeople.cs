using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Infrastructure;

namespace SakraStader.Features.Atgarder;

/// <summary>The kommun's members who can own a measure, and the open problems a measure can target.</summary>
public sealed class AtgardOptions(AppDbContext db, KommunCache cache)
{
    public async Task<IReadOnlyList<Owner>> OwnersAsync(CancellationToken ct = default) =>
        await cache.GetOrCompileAsync("atgard-owners", "", () =>
            (from m in db.Memberships.AsNoTracking()
             join u in db.Users on m.UserId equals u.Id
             where m.Role >= Role.Medlem
             orderby u.DisplayName
             select new Owner(u.Id, u.DisplayName, m.OrganisationName)).ToListAsync(ct), ct);

    public async Task<IReadOnlyList<ProblemChoice>> ProblemsAsync(CancellationToken ct = default) =>
        await cache.GetOrCompileAsync("atgard-problems", "", () =>
            (from p in db.Problems.AsNoTracking()
             join a in db.Areas on p.AreaId equals a.Id
             where !p.Closed
             orderby a.Name, p.Title
             select new ProblemChoice(p.Id, p.Title, a.Name)).ToListAsync(ct), ct);

    /// <summary>Each problem's causes as its latest cause analysis (the latest lägesbild that assessed it) names them.</summary>
    public async Task<ILookup<Guid, CauseChoice>> LatestCausesAsync(IReadOnlyCollection<Guid> problemIds, CancellationToken ct = default)
    {
        // Only the latest month's causes leave the database, not every month's restatement of them.
        var rows = await (from c in db.ProblemCauses.AsNoTracking()
                          join a in db.ProblemAssessments on c.AssessmentId equals a.Id
                          join l in db.Lagesbilder on a.LagesbildId equals l.Id
                          where problemIds.Contains(a.ProblemId)
                              && l.Year * 100 + l.Month == (from a2 in db.ProblemAssessments
                                                            join l2 in db.Lagesbilder on a2.LagesbildId equals l2.Id
                                                            where a2.ProblemId == a.ProblemId
                                                            select l2.Year * 100 + l2.Month).Max()
                          select new CauseChoice(c.Id, a.ProblemId, c.Text, c.Kind)).ToListAsync(ct);
        return rows.ToLookup(r => r.ProblemId);
    }
}

public sealed record Owner(Guid UserId, string Name, string Organisation);

public sealed record ProblemChoice(Guid Id, string Title, string Area);

public sealed record CauseChoice(Guid Id, Guid ProblemId, string Text, CauseKind Kind);
