using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;

namespace SakraStader.Features.Atgarder;

/// <summary>The kommun's members who can own a measure, and the open problems a measure can target.</summary>
public sealed class AtgardOptions(AppDbContext db)
{
    public Task<List<Owner>> OwnersAsync(CancellationToken ct = default) =>
        (from m in db.Memberships.AsNoTracking()
         join u in db.Users on m.UserId equals u.Id
         where m.Role >= Role.Medlem
         orderby u.DisplayName
         select new Owner(u.Id, u.DisplayName, m.OrganisationName)).ToListAsync(ct);

    public Task<List<ProblemChoice>> ProblemsAsync(CancellationToken ct = default) =>
        (from p in db.Problems.AsNoTracking()
         join a in db.Areas on p.AreaId equals a.Id
         where !p.Closed
         orderby a.Name, p.Title
         select new ProblemChoice(p.Id, p.Title, a.Name)).ToListAsync(ct);
}

public sealed record Owner(Guid UserId, string Name, string Organisation);

public sealed record ProblemChoice(Guid Id, string Title, string Area);
