using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using SakraStader.Domain;

namespace SakraStader.Tenancy;

/// <summary>
/// Every page of a signed-in user needs their kommuner and roles. They are cached for a few seconds per user, and
/// dropped at once on this instance when a membership of that user is saved (see the interceptor below). Another
/// instance may serve the old memberships for at most <see cref="SessionCheckOptions.CheckInterval"/> (five seconds).
/// </summary>
public static class MembershipCache
{
    public static string Key(Guid userId) => "memberships:" + userId.ToString("N");

    /// <summary>The user's security stamp as last read (<c>Features/Account/Sessions.cs</c>), kept as briefly.</summary>
    public static string StampKey(Guid userId) => "stamp:" + userId.ToString("N");
}

/// <summary>
/// Drops the cached memberships of every user whose membership is added, changed or removed, and the cached security
/// stamp of every user whose account is changed (a new password, a sign-out, a lockout).
/// </summary>
public sealed class MembershipCacheInvalidator(IMemoryCache cache) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<string>> pending = [];

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
        var keys = context.ChangeTracker.Entries<Membership>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => MembershipCache.Key(e.Entity.UserId))
            .Concat(context.ChangeTracker.Entries<AppUser>()
                .Where(e => e.State is EntityState.Modified or EntityState.Deleted)
                .Select(e => MembershipCache.StampKey(e.Entity.Id)))
            .Distinct().ToList();
        if (keys.Count > 0)
        {
            keys.ForEach(cache.Remove);
            pending.AddOrUpdate(context, keys);
        }
    }

    private void Drop(DbContext? context)
    {
        if (context is not null && pending.TryGetValue(context, out var keys))
        {
            keys.ForEach(cache.Remove);
            pending.Remove(context);
        }
    }
}
