using SakraStader.Infrastructure;

namespace SakraStader.Components.Ui;

/// <summary>
/// A component's subscription to the <see cref="ChangeFeed"/>: when a change it cares about arrives, it reads again,
/// at most once per <see cref="Quiet"/> (a burst of saves, an import, gives one read after the burst's first change
/// and one after its last). Dispose it with the component.
/// </summary>
public sealed class LiveRefresh : IDisposable
{
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);

    private readonly Func<KommunChange, TimeSpan> quiet;

    private readonly IDisposable subscription;
    private readonly Func<KommunChange, bool> wanted;
    private readonly Func<KommunChange, Task> refresh;
    private readonly SemaphoreSlim one = new(1, 1);
    private KommunChange? waiting;
    private bool disposed;

    public LiveRefresh(ChangeFeed feed, Func<KommunChange, bool> wanted, Func<KommunChange, Task> refresh)
        : this(feed, wanted, refresh, _ => Quiet)
    {
    }

    /// <param name="wait">How long to wait after a change before reading, asked at each change with the change (a moment
    /// on a shared clock, so that pages that share what they read read it together; sooner for the user's own).</param>
    public LiveRefresh(ChangeFeed feed, Func<KommunChange, bool> wanted, Func<KommunChange, Task> refresh, Func<KommunChange, TimeSpan> wait)
    {
        (this.wanted, this.refresh, quiet) = (wanted, refresh, wait);
        subscription = feed.Listen(OnChange);
    }

    private async Task OnChange(KommunChange change)
    {
        if (disposed || !wanted(change))
        {
            return;
        }
        Volatile.Write(ref waiting, change);
        // One read at a time; changes that arrive meanwhile are read together by the next one, which whoever holds
        // the turn runs when it finds a change waiting after its own read.
        while (Volatile.Read(ref waiting) is not null && await one.WaitAsync(0))
        {
            try
            {
                await Task.Delay(quiet(Volatile.Read(ref waiting) ?? change));
                if (Interlocked.Exchange(ref waiting, null) is { } latest && !disposed)
                {
                    await refresh(latest);
                }
            }
            finally
            {
                one.Release();
            }
        }
    }

    public void Dispose()
    {
        disposed = true;
        subscription.Dispose();
    }
}
