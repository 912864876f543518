using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SakraStader.Data;
using SakraStader.Tenancy;

namespace SakraStader.Infrastructure;

/// <summary>
/// Keeps what is read or compiled from a kommun's records (a draft lägesbild's counts, the choices of a form) until
/// those records change. Every
/// change to tenant data writes an audit entry (imports one per file, in the same transaction), so the kommun's newest
/// audit entry id is its change stamp: one indexed lookup per request tells whether what is kept is current, on
/// every instance alike, since the stamp lives in the shared database.
/// On PostgreSQL two writes can commit in the opposite order of their audit ids; a reader between the two commits can
/// keep data under a stamp that the second commit does not move. The short lifetime bounds that window.
/// What is kept is shared between requests: callers must not change it (hence read-only lists).
/// </summary>
public sealed class KommunCache(AppDbContext db, TenantContext tenant, IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private long? stamp;

    public async Task<T> GetOrCompileAsync<T>(string name, object key, Func<Task<T>> compile, CancellationToken ct = default)
        where T : class?
    {
        var kommun = tenant.KommunId ?? throw new InvalidOperationException("Det som sparas hör till en kommun.");
        // The same request reads the stamp once: what it compiles after that is at least as new.
        stamp ??= await db.AuditEntries.MaxAsync(a => (long?)a.Id, ct) ?? 0;
        var cacheKey = (name, kommun, key, stamp.Value);
        if (cache.TryGetValue(cacheKey, out T? kept) && kept is not null)
        {
            return kept;
        }
        var compiled = await compile();
        cache.Set(cacheKey, compiled, Lifetime);
        return compiled;
    }
}
