using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using SakraStader.Domain;

namespace SakraStader.Tenancy;

/// <summary>
/// Every page of a signed-in user needs their kommuner and roles. They are cached for a few seconds per user, and
/// dropped at once on this instance when a membership of that user is saved (see the interceptor below). Another
/// instance may serve the old memberships for at most <see cref="Lifetime"/>.
/// </summary>
public static class MembershipCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public static string Key(Guid userId) => "memberships:" + userId.ToString("N");
}

/// <summary>Drops the cached memberships of every user whose membership is added, changed or removed.</summary>
public sealed class MembershipCacheInvalidator(IMemoryCache cache) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<Guid>> pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Drop(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var users = context.ChangeTracker.Entries<Membership>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.UserId).Distinct().ToList();
        if (users.Count > 0)
        {
            users.ForEach(u => cache.Remove(MembershipCache.Key(u)));
            pending.AddOrUpdate(context, users);
        }
    }

    private void Drop(DbContext? context)
    {
        if (context is not null && pending.TryGetValue(context, out var users))
        {
            users.ForEach(u => cache.Remove(MembershipCache.Key(u)));
            pending.Remove(context);
        }
    }
}
