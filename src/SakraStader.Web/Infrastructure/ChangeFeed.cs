using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SakraStader.Domain;
using StackExchange.Redis;

namespace SakraStader.Infrastructure;

/// <summary>
/// That a kommun's records changed: which kinds of record, by whom, when. It carries no content (names of types
/// only), so it may cross instances through Redis without carrying anything a reader may not see: whoever receives
/// it reads what changed again, through the tenant filter and their own rights.
/// </summary>
public sealed record KommunChange(Guid KommunId, string[] Types, Guid? UserId, string By, DateTimeOffset At, string Origin = "")
{
    public bool Touches(params string[] types) => Types.Any(t => types.Contains(t, StringComparer.Ordinal));
}

/// <summary>
/// The app's one feed of committed changes: the live count of "Att göra" in the app bar and a document's parts
/// saved by somebody else (the lägesbild) listen to it. A change is published once its transaction has committed
/// (<see cref="ChangeFeedInterceptor"/>). Within an instance, listeners are called directly; between instances the
/// feed goes through Redis pub/sub when <c>Redis:Configuration</c> is set. Without Redis, or while it is down, every
/// instance still hears its own changes and nothing else stops working: the pages read the database as always, and
/// what another instance changed shows at the next read (see docs/operations.md).
/// </summary>
public sealed class ChangeFeed : IAsyncDisposable
{
    public const string Channel = "sakrastader:changes";

    private readonly ConcurrentDictionary<long, Func<KommunChange, Task>> listeners = new();
    private readonly ILogger<ChangeFeed> logger;
    private readonly string origin = Guid.NewGuid().ToString("N");
    private readonly Task<ConnectionMultiplexer?> redis;
    private long next;

    public ChangeFeed(IConfiguration configuration, ILogger<ChangeFeed> logger)
    {
        this.logger = logger;
        var redisConfiguration = configuration["Redis:Configuration"];
        redis = string.IsNullOrWhiteSpace(redisConfiguration) ? Task.FromResult<ConnectionMultiplexer?>(null) : ConnectAsync(redisConfiguration);
    }

    /// <summary>Whether changes reach the other instances now (Redis configured and connected).</summary>
    public bool CrossInstance => redis.IsCompletedSuccessfully && redis.Result is { IsConnected: true };

    private async Task<ConnectionMultiplexer?> ConnectAsync(string configuration)
    {
        try
        {
            var options = ConfigurationOptions.Parse(configuration);
            // Start without Redis if it is down, and keep trying: the subscription comes back with the connection.
            options.AbortOnConnectFail = false;
            options.ConnectRetry = 1;
            options.ConnectTimeout = 2000;
            options.ClientName = "sakrastader";
            var connection = await ConnectionMultiplexer.ConnectAsync(options);
            connection.ConnectionFailed += (_, e) => logger.LogWarning("Redis nås inte ({Failure}): ändringar från andra instanser syns vid nästa läsning", e.FailureType);
            connection.ConnectionRestored += (_, _) => logger.LogInformation("Redis nås igen: ändringar når alla instanser");
            await connection.GetSubscriber().SubscribeAsync(RedisChannel.Literal(Channel), (_, message) => Receive(message));
            return connection;
        }
        catch (Exception e) when (e is RedisException or ArgumentException or TimeoutException)
        {
            logger.LogWarning(e, "Redis kunde inte användas: ändringar når bara den egna instansen");
            return null;
        }
    }

    private void Receive(RedisValue message)
    {
        KommunChange? change;
        try
        {
            change = JsonSerializer.Deserialize((string?)message ?? "", ChangeJson.Default.KommunChange);
        }
        catch (JsonException)
        {
            return;
        }
        if (change is not null && change.Origin != origin)
        {
            Deliver(change);
        }
    }

    /// <summary>Listen to every change; dispose the result to stop. Listeners must be quick or hand off.</summary>
    public IDisposable Listen(Func<KommunChange, Task> listener)
    {
        var id = Interlocked.Increment(ref next);
        listeners[id] = listener;
        return new Subscription(() => listeners.TryRemove(id, out _));
    }

    /// <summary>Tells this instance's listeners at once, and the other instances through Redis when it is there.</summary>
    public void Publish(KommunChange change)
    {
        change = change with { Origin = origin };
        Deliver(change);
        if (redis.IsCompletedSuccessfully && redis.Result is { IsConnected: true } connection)
        {
            try
            {
                connection.GetSubscriber().Publish(RedisChannel.Literal(Channel),
                    JsonSerializer.Serialize(change, ChangeJson.Default.KommunChange), CommandFlags.FireAndForget);
            }
            catch (RedisException e)
            {
                logger.LogWarning(e, "En ändring kunde inte skickas till de andra instanserna");
            }
        }
    }

    private void Deliver(KommunChange change)
    {
        foreach (var listener in listeners.Values)
        {
            _ = Call(listener, change);
        }
    }

    private async Task Call(Func<KommunChange, Task> listener, KommunChange change)
    {
        try
        {
            await listener(change);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "En lyssnare på ändringar misslyckades");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (await redis is { } connection)
        {
            await connection.DisposeAsync();
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}

[JsonSerializable(typeof(KommunChange))]
internal sealed partial class ChangeJson : JsonSerializerContext;

/// <summary>
/// Publishes to the <see cref="ChangeFeed"/> what a SaveChanges changed in each kommun, once it is committed: at once
/// when it ran without a transaction of its own, at the commit when it ran inside one (the command path), never when
/// it failed or was rolled back.
/// </summary>
public sealed class ChangeFeedInterceptor(ChangeFeed feed, TimeProvider time) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> pending = [];

    private sealed class Pending
    {
        public readonly Dictionary<Guid, HashSet<string>> Types = [];
        public Guid? UserId;
        public string By = "";
    }

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
        PublishUnlessInTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        PublishUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Publish(eventData.Context);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Publish(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(System.Data.Common.DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData.Context);

    public Task TransactionFailedAsync(System.Data.Common.DbTransaction transaction, TransactionErrorEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is not Data.AppDbContext db)
        {
            return;
        }
        var changed = db.ChangeTracker.Entries<ITenantOwned>()
            .Where(e => e.Entity is not AuditEntry && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (e.Entity.KommunId, Type: e.Metadata.ClrType.Name))
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }
        var p = pending.GetValue(context, _ => new Pending());
        (p.UserId, p.By) = (db.Tenant.UserId, db.Tenant.DisplayName);
        foreach (var (kommunId, type) in changed)
        {
            if (!p.Types.TryGetValue(kommunId, out var types))
            {
                p.Types[kommunId] = types = [];
            }
            types.Add(type);
        }
    }

    private void PublishUnlessInTransaction(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Publish(context);
        }
    }

    private void Publish(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var p))
        {
            return;
        }
        pending.Remove(context);
        var at = time.GetUtcNow();
        foreach (var (kommunId, types) in p.Types)
        {
            feed.Publish(new KommunChange(kommunId, [.. types.Order(StringComparer.Ordinal)], p.UserId, p.By, at));
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            pending.Remove(context);
        }
    }
}
