namespace SakraStader.Infrastructure;

/// <summary>
/// The app's saves, one at a time, where the database takes one writer at a time anyway (SQLite). Without it,
/// concurrent saves each began their transaction and all but one waited in SQLite's busy handler, which sleeps the
/// thread: under 200 people saving, a third of the thread pool's time went to those sleeps, and every page's events
/// (typing included) queued behind them (bench/README.md, UI-event latency). Here a save waits its turn without holding
/// a thread. On PostgreSQL and SQL Server saves run side by side and the gate lets every one through.
/// </summary>
public sealed class WriteGate(bool oneAtATime) : IDisposable
{
    private readonly SemaphoreSlim turn = new(1, 1);

    /// <summary>Waits for the turn to write; dispose the result when the transaction has ended.</summary>
    public async ValueTask<IDisposable?> EnterAsync(CancellationToken ct = default)
    {
        if (!oneAtATime)
        {
            return null;
        }
        await turn.WaitAsync(ct);
        return new Turn(turn);
    }

    public void Dispose() => turn.Dispose();

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
