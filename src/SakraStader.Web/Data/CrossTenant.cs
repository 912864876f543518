using Microsoft.EntityFrameworkCore;
using SakraStader.Domain;
using SakraStader.Tenancy;

namespace SakraStader.Data;

/// <summary>
/// The only place that reads across kommuner (the only <c>IgnoreQueryFilters</c> in the code base). Each query here
/// is scoped by something other than the current kommun: the signed-in user's own memberships, or the platform
/// administrator's list of kommuner.
/// </summary>
public sealed class CrossTenant(AppDbContext db)
{
    /// <summary>The kommuner the user is a member of, for the kommun switcher and the start page.</summary>
    public async Task<List<UserKommun>> KommunerOfUserAsync(Guid userId, CancellationToken ct = default)
    {
        var list = new List<UserKommun>();
        await foreach (var k in KommunerOfUser(db, userId).WithCancellation(ct))
        {
            list.Add(k);
        }
        return list;
    }

    // Compiled once: this runs on every page request of a signed-in user.
    private static readonly Func<AppDbContext, Guid, IAsyncEnumerable<UserKommun>> KommunerOfUser =
        EF.CompileAsyncQuery((AppDbContext db, Guid userId) =>
            from m in db.Memberships.IgnoreQueryFilters(new[] { AppDbContext.TenantFilter }).AsNoTracking()
            join k in db.Kommuner on m.KommunId equals k.Id
            where m.UserId == userId
            orderby k.Name
            select new UserKommun(k.Id, k.Slug, k.Name, m.Id, m.Role, m.Organisation, m.Title));

    /// <summary>Membership counts per kommun, for the platform administrator's overview (no tenant content).</summary>
    public Task<Dictionary<Guid, int>> MemberCountsAsync(CancellationToken ct = default) =>
        db.Memberships.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking()
            .GroupBy(m => m.KommunId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}

public sealed record UserKommun(Guid KommunId, string Slug, string Name, Guid MembershipId, Role Role, OrganisationKind Organisation, string Title);
