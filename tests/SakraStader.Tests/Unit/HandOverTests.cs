using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using SakraStader.Infrastructure;

namespace SakraStader.Tests.Unit;

/// <summary>
/// A graceful stop asks every page with a live circuit here to move (and waits until they have gone); from its start,
/// new requests are turned away so that the load balancer sends them to another instance. The whole path through nginx
/// with real pages is the multi-instance test's rolling restart.
/// </summary>
public sealed class HandOverTests
{
    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() { }
    }

    /// <summary>A page: told to move, it goes (its connection drops), as app.js does.</summary>
    private sealed class Page(CircuitHandOver handOver, string circuit, bool answers = true) : IJSRuntime
    {
        public List<string> Calls { get; } = [];

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => InvokeAsync<TValue>(identifier, CancellationToken.None, args);

        public async ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
        {
            Calls.Add(identifier);
            _ = Task.Run(async () =>
            {
                await Task.Delay(100);
                handOver.Down(circuit);
            });
            if (!answers)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            return default!;
        }
    }

    [Fact]
    public async Task A_stop_asks_every_page_to_move_and_waits_until_they_have_gone()
    {
        var handOver = new CircuitHandOver(new Lifetime(), NullLogger<CircuitHandOver>.Instance);
        var pages = Enumerable.Range(0, 3).Select(i => new Page(handOver, $"krets-{i}", answers: i != 2)).ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            handOver.Up($"krets-{i}", pages[i]);
        }
        Assert.False(handOver.Stopping);
        Assert.Equal(3, handOver.Connected);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await handOver.StoppingAsync(CancellationToken.None);

        Assert.True(handOver.Stopping);
        Assert.All(pages, p => Assert.Equal(["sakraStader.handOver"], p.Calls));
        Assert.Equal(0, handOver.Connected);
        // A page that does not answer (it left at once) holds the stop no longer than the call's own timeout.
        Assert.True(watch.Elapsed < CircuitHandOver.Patience, $"{watch.Elapsed}");
    }

    [Fact]
    public async Task A_stop_with_no_pages_here_returns_at_once()
    {
        var handOver = new CircuitHandOver(new Lifetime(), NullLogger<CircuitHandOver>.Instance);
        await handOver.StoppingAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(1));
        Assert.True(handOver.Stopping);
    }
}
