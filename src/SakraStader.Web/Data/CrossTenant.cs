using Microsoft.EntityFrameworkCore;
using SakraStader.Domain;
using SakraStader.Tenancy;

namespace SakraStader.Data;

/// <summary>
/// The only place that reads across kommuner (see docs/architecture.md for the one other <c>IgnoreQueryFilters</c>). Each query here
/// is scoped by something other than the current kommun: the signed-in user's own memberships, or the platform
/// administrator's list of kommuner.
/// </summary>
public sealed class CrossTenant(AppDbContext db, Microsoft.Extensions.Caching.Memory.IMemoryCache cache)
{
    /// <summary>The kommuner the user is a member of, for the kommun switcher and the start page.</summary>
    public async Task<IReadOnlyList<UserKommun>> KommunerOfUserAsync(Guid userId, CancellationToken ct = default)
    {
        var key = MembershipCache.Key(userId);
        if (Microsoft.Extensions.Caching.Memory.CacheExtensions.TryGetValue(cache, key, out IReadOnlyList<UserKommun>? cached) && cached is not null)
        {
            return cached;
        }
        var list = await KommunerOfUser(db, userId).ToListAsync(ct);
        Microsoft.Extensions.Caching.Memory.CacheExtensions.Set(cache, key, (IReadOnlyList<UserKommun>)list, MembershipCache.Lifetime);
        return list;
    }

    // Compiled once: this runs on every page request of a signed-in user.
    private static readonly Func<AppDbContext, Guid, IAsyncEnumerable<UserKommun>> KommunerOfUser =
        EF.CompileAsyncQuery((AppDbContext db, Guid userId) =>
            from m in db.Memberships.IgnoreQueryFilters(new[] { AppDbContext.TenantFilter }).AsNoTracking()
            join k in db.Kommuner on m.KommunId equals k.Id
            where m.UserId == userId
            orderby k.Name
            select new UserKommun(k.Id, k.Slug, k.Name, m.Id, m.Role, m.Organisation, m.Title, m.OrganisationName));

    /// <summary>
    /// The personal calendar feed behind a secret token: meetings of the groups the user is a member of, in the
    /// kommuner where the user still has a membership. Null for an unknown or revoked token.
    /// </summary>
    public async Task<CalendarFeed?> CalendarFeedAsync(string token, DateTimeOffset since, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
        {
            return null;
        }
        var user = await db.Users.AsNoTracking().Where(u => u.CalendarToken == token)
            .Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }
        var meetings = await (from gm in db.GroupMembers.IgnoreQueryFilters([AppDbContext.TenantFilter])
                              join ms in db.Memberships.IgnoreQueryFilters([AppDbContext.TenantFilter])
                                  on new { gm.KommunId, UserId = gm.UserId!.Value } equals new { ms.KommunId, ms.UserId }
                              join m in db.Meetings.IgnoreQueryFilters([AppDbContext.TenantFilter]) on gm.GroupId equals m.GroupId
                              join g in db.Groups.IgnoreQueryFilters([AppDbContext.TenantFilter]) on m.GroupId equals g.Id
                              join k in db.Kommuner on m.KommunId equals k.Id
                              where gm.UserId == user.Id && m.StartsAt >= since
                              orderby m.StartsAt
                              select new FeedMeeting(m.Id, g.Name, k.Name, k.Slug, m.StartsAt, m.EndsAt, m.Location, m.Cancelled))
            .AsNoTracking().ToListAsync(ct);
        return new CalendarFeed(user.DisplayName, meetings);
    }

    /// <summary>Membership counts per kommun, for the platform administrator's overview (no tenant content).</summary>
    public Task<Dictionary<Guid, int>> MemberCountsAsync(CancellationToken ct = default) =>
        db.Memberships.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking()
            .GroupBy(m => m.KommunId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}

public sealed record CalendarFeed(string UserName, List<FeedMeeting> Meetings);

public sealed record FeedMeeting(Guid Id, string GroupName, string KommunName, string KommunSlug, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Location, bool Cancelled);

public sealed record UserKommun(Guid KommunId, string Slug, string Name, Guid MembershipId, Role Role, OrganisationKind Organisation, string Title, string OrganisationName = "");
