using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SakraStader.Data;

namespace SakraStader.Tenancy;

/// <summary>Finds a kommun by its URL slug. Kommuner change rarely, so hits are cached briefly; misses are not.</summary>
public sealed class KommunDirectory(IMemoryCache cache, IServiceScopeFactory scopes)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public async Task<KommunInfo?> FindAsync(string slug, CancellationToken ct = default)
    {
        slug = slug.ToLowerInvariant();
        if (cache.TryGetValue(Key(slug), out KommunInfo? hit))
        {
            return hit;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var found = await db.Kommuner.AsNoTracking()
            .Where(k => k.Slug == slug)
            .Select(k => new KommunInfo(k.Id, k.Name, k.Slug, k.Kod))
            .FirstOrDefaultAsync(ct);
        if (found is not null)
        {
            cache.Set(Key(slug), found, Lifetime);
        }
        return found;
    }

    private static string Key(string slug) => "kommun:" + slug;
}
