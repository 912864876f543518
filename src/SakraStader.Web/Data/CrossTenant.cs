using Microsoft.EntityFrameworkCore;
using SakraStader.Domain;
using SakraStader.Tenancy;

namespace SakraStader.Data;

/// <summary>
/// The only place that reads across kommuner (see docs/architecture.md for the one other <c>IgnoreQueryFilters</c>). Each query here
/// is scoped by something other than the current kommun: the signed-in user's own memberships, or the platform
/// administrator's list of kommuner.
/// </summary>
public sealed class CrossTenant(AppDbContext db, Microsoft.Extensions.Caching.Memory.IMemoryCache cache,
    Microsoft.Extensions.Options.IOptions<SessionCheckOptions> sessions)
{
    private static readonly string[] TenantFilterOnly = [AppDbContext.TenantFilter];

    /// <summary>The kommuner the user is a member of, for the kommun switcher and the start page.</summary>
    public async Task<IReadOnlyList<UserKommun>> KommunerOfUserAsync(Guid userId, CancellationToken ct = default)
    {
        var key = MembershipCache.Key(userId);
        if (Microsoft.Extensions.Caching.Memory.CacheExtensions.TryGetValue(cache, key, out IReadOnlyList<UserKommun>? cached) && cached is not null)
        {
            return cached;
        }
        var list = await KommunerOfUser(db, userId).ToListAsync(ct);
        if (sessions.Value.CheckInterval > TimeSpan.Zero)
        {
            Microsoft.Extensions.Caching.Memory.CacheExtensions.Set(cache, key, (IReadOnlyList<UserKommun>)list, sessions.Value.CheckInterval);
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
            select new UserKommun(k.Id, k.Slug, k.Name, m.Id, m.Role, m.Organisation, m.Title, m.OrganisationName));

    /// <summary>
    /// The kommuner that have published medborgarlöften, for the public start page. Kept for a minute on each instance:
    /// every anonymous visit read it across all kommuner (half the start page's cost on the large data set,
    /// bench/README.md), and a kommun's first published promise may well reach the start page a minute later (the
    /// promise's own page shows it at once).
    /// </summary>
    public async Task<IReadOnlyList<PublishedKommun>> KommunerWithPublishedLoftenAsync(CancellationToken ct = default)
    {
        if (Microsoft.Extensions.Caching.Memory.CacheExtensions.TryGetValue(cache, PublishedKey, out IReadOnlyList<PublishedKommun>? kept) && kept is not null)
        {
            return kept;
        }
        var list = await db.Kommuner.AsNoTracking()
            .Where(k => db.Medborgarloften.IgnoreQueryFilters(TenantFilterOnly).Any(m => m.KommunId == k.Id && m.PublishedVersionNumber != null))
            .OrderBy(k => k.Name)
            .Select(k => new PublishedKommun(k.Slug, k.Name))
            .ToListAsync(ct);
        Microsoft.Extensions.Caching.Memory.CacheExtensions.Set(cache, PublishedKey, (IReadOnlyList<PublishedKommun>)list, TimeSpan.FromMinutes(1));
        return list;
    }

    private const string PublishedKey = "public:kommuner-med-loften";

    /// <summary>
    /// The letterhead of a kommun (by its address name), for the public signed promise: what stands on every document
    /// the kommun sends anyway (name, förvaltning, address, logo). Without one, "{name} kommun".
    /// </summary>
    public async Task<Features.Letterheads.LetterheadInfo> LetterheadOfAsync(string kommunSlug, CancellationToken ct = default)
    {
        var kommun = await db.Kommuner.AsNoTracking().Where(k => k.Slug == kommunSlug).Select(k => new { k.Id, k.Name }).FirstOrDefaultAsync(ct);
        if (kommun is null)
        {
            return Features.Letterheads.LetterheadInfo.Default(kommunSlug);
        }
        return await db.Letterheads.IgnoreQueryFilters(TenantFilterOnly).AsNoTracking().Where(l => l.KommunId == kommun.Id)
            .Select(l => new Features.Letterheads.LetterheadInfo(l.OrganisationName, l.Forvaltning, l.Address, "", "", "", "", l.Logo, l.LogoContentType, l.LogoWidth, l.LogoHeight))
            .FirstOrDefaultAsync(ct) ?? Features.Letterheads.LetterheadInfo.Default(kommun.Name);
    }

    /// <summary>
    /// A signed version by its public verification code, with its kommun and signatures, and whether the promise's
    /// current content still matches it. Anonymous by design: the code is printed on the published promise.
    /// </summary>
    public async Task<Verification?> VerifyAsync(string code, CancellationToken ct = default)
    {
        code = (code ?? "").Trim().ToUpperInvariant();
        if (code.Length != 11)
        {
            return null;
        }
        var version = await (from v in db.LofteVersions.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking()
                             join l in db.Medborgarloften.IgnoreQueryFilters([AppDbContext.TenantFilter]) on v.MedborgarlofteId equals l.Id
                             join k in db.Kommuner on v.KommunId equals k.Id
                             where v.VerificationCode == code
                             select new { v.Id, v.Number, v.Content, v.Hash, v.CreatedAt, k.Slug, LofteId = l.Id, l.Status, l.PublishedVersionNumber })
            .FirstOrDefaultAsync(ct);
        if (version is null)
        {
            return null;
        }
        var signatures = await db.LofteSignatures.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking()
            .Where(s => s.VersionId == version.Id).OrderBy(s => s.SignedAt)
            .Select(s => new VerifiedSignature(s.Name, s.Title, s.Organisation, s.SignedAt, s.Hash, s.Method, s.VoidedAt))
            .ToListAsync(ct);
        var latest = await db.LofteVersions.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking()
            .Where(v => v.MedborgarlofteId == version.LofteId).MaxAsync(v => v.Number, ct);
        var stillCurrent = latest == version.Number && version.Status != LofteStatus.Utkast;
        var published = version.PublishedVersionNumber == version.Number;
        return new Verification(version.Slug, version.LofteId, version.Number, version.Content, version.Hash, version.CreatedAt, signatures,
            stillCurrent, published, Revising: published && !stillCurrent);
    }

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

public sealed record VerifiedSignature(string Name, string Title, string Organisation, DateTimeOffset SignedAt, string Hash, string Method,
    DateTimeOffset? VoidedAt);

/// <summary>A version found by its code. <see cref="StillCurrent"/>: the promise's content still matches this version's hash.</summary>
public sealed record Verification(string KommunSlug, Guid LofteId, int Number, string Content, string Hash, DateTimeOffset CreatedAt,
    List<VerifiedSignature> Signatures, bool StillCurrent, bool Published, bool Revising)
{
    /// <summary>What a signature of this version counts for, in words (the check page and the documents).</summary>
    public string Validity(VerifiedSignature s) =>
        s.Hash != Hash ? "Nej: kontrollsumman stämmer inte"
        : s.VoidedAt is { } voided && !Revising ? $"Nej: ogiltig sedan {Components.Ui.Sv.Date(voided)}"
        : "Ja";
}

public sealed record PublishedKommun(string Slug, string Name);
