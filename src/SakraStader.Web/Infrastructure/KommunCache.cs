using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
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
public sealed class KommunCache : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private readonly AppDbContext db;
    private readonly TenantContext tenant;
    private readonly Store store;
    private long? stamp;

    public KommunCache(AppDbContext db, TenantContext tenant, Store store)
    {
        (this.db, this.tenant, this.store) = (db, tenant, store);
        // A page that saves and then shows the result reads the stamp again: what it kept before is out of date.
        db.SavedChanges += Forget;
    }

    private void Forget(object? sender, SavedChangesEventArgs e) => stamp = null;

    public void Dispose() => db.SavedChanges -= Forget;

    // Compiled once: it runs on nearly every page view. The tenant filter still applies.
    private static readonly Func<AppDbContext, CancellationToken, Task<long?>> Stamp =
        EF.CompileAsyncQuery((AppDbContext db, CancellationToken ct) => db.AuditEntries.Max(a => (long?)a.Id));

    public async Task<T> GetOrCompileAsync<T>(string name, object key, Func<Task<T>> compile, CancellationToken ct = default)
        where T : class?
    {
        var kommun = tenant.KommunId ?? throw new InvalidOperationException("Det som sparas hör till en kommun.");
        // The same request reads the stamp once: what it compiles after that is at least as new.
        stamp ??= await Stamp(db, ct) ?? 0;
        var cacheKey = (name, kommun, key, stamp.Value);
        if (store.Cache.TryGetValue(cacheKey, out T? kept) && kept is not null)
        {
            return kept;
        }
        // One compile per key at a time on this instance: a change in a kommun reaches every open page at once (their
        // "Att göra" counts, pages kept current), and each would otherwise compile the same thing from the same records
        // (200 pages, 200 compiles of the inbox after each save). The others wait for the first and take its result.
        // Started on the thread pool, so that the Lazy hands out the task at once: SQLite's reads run synchronously
        // under their async face, and a compile run inside the Lazy would hold its lock, and every waiting thread, to
        // the end.
        var mine = new Lazy<Task<object?>>(() => Task.Run(async () => (object?)await compile()));
        var flight = store.Compiling.GetOrAdd(cacheKey, mine);
        try
        {
            T compiled;
            try
            {
                compiled = (T)(await flight.Value)!;
            }
            catch (Exception) when (flight != mine && !ct.IsCancellationRequested)
            {
                // The compile this waited for failed, or its page was closed and took its database context with it:
                // compile for this page, whose context is its own.
                compiled = await compile();
            }
            // Kept while the stamp is the kommun's newest: once a save moves it, what was kept under the old stamp can
            // never be asked for again and goes at once (a busy kommun's saves would otherwise fill the store with
            // dead pages for their whole lifetime: gigabytes under 200 people saving in one kommun).
            if (store.Generation(kommun, stamp.Value) is { } current)
            {
                var options = new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 };
                options.ExpirationTokens.Add(current);
                store.Cache.Set(cacheKey, compiled, options);
            }
            return compiled;
        }
        finally
        {
            if (flight == mine)
            {
                store.Compiling.TryRemove(new KeyValuePair<object, Lazy<Task<object?>>>(cacheKey, mine));
            }
        }
    }

    /// <summary>
    /// What is kept, for the whole process: at most <see cref="MaxEntries"/> entries (pages of lists, compiled figures),
    /// whatever the number of kommuner and filters, so memory stays bounded; when it is full, the least recently used quarter goes.
    /// </summary>
    public sealed class Store : IDisposable
    {
        public const int MaxEntries = 20_000;

        public MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = MaxEntries, CompactionPercentage = 0.25 });

        private readonly Lock gate = new();
        private readonly Dictionary<Guid, (long Stamp, CancellationTokenSource Source)> newest = [];

        /// <summary>
        /// A token that fires when a newer stamp than <paramref name="stamp"/> is seen for the kommun; null when a newer
        /// one has been seen already (a reader that started before a save: what it compiled is not kept).
        /// </summary>
        public IChangeToken? Generation(Guid kommun, long stamp)
        {
            CancellationTokenSource? outdated = null;
            CancellationTokenSource current;
            lock (gate)
            {
                if (newest.TryGetValue(kommun, out var known))
                {
                    if (stamp < known.Stamp)
                    {
                        return null;
                    }
                    if (stamp == known.Stamp)
                    {
                        return new CancellationChangeToken(known.Source.Token);
                    }
                    outdated = known.Source;
                }
                current = new CancellationTokenSource();
                newest[kommun] = (stamp, current);
            }
            outdated?.Cancel(); // outside the lock: the cache removes the old generation's entries in the callbacks
            return new CancellationChangeToken(current.Token);
        }

        /// <summary>The compiles under way, by key: whoever asks for the same key meanwhile waits for it.</summary>
        public System.Collections.Concurrent.ConcurrentDictionary<object, Lazy<Task<object?>>> Compiling { get; } = new();

        public void Dispose() => Cache.Dispose();
    }
}
