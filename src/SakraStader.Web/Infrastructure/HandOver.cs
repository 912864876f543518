using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.JSInterop;

namespace SakraStader.Infrastructure;

/// <summary>
/// A graceful stop (SIGTERM: a rolling restart, a deployment, a scale-down) hands this instance's people over to the
/// others instead of cutting them off: from the moment the host is told to stop, the instance closes every new request
/// without an answer (the load balancer counts that as an error and tries the next instance: <c>proxy_next_upstream
/// error</c>; a 503 would not do, since 503 is the app's answer while the database is down) and readiness fails; then
/// each page with an open circuit here is asked to keep its unsaved text in the tab and load again, which brings it to
/// another instance where it continues where it was (app.js <c>sakraStader.handOver</c>: the same path as after a lost
/// instance, without waiting for the connection to fail). The stop waits until those pages have gone, at most
/// <see cref="Patience"/>; the host's own shutdown timeout (15 s, docs/operations.md) bounds the rest.
/// Pause and resume of the circuit (.NET 10's persisted circuit state) is not needed for this: a page's state is its
/// address and what is saved as people go (docs/adr/0005), and the unsaved text travels in the tab.
/// </summary>
public sealed partial class CircuitHandOver(IHostApplicationLifetime lifetime, ILogger<CircuitHandOver> logger) : IHostedLifecycleService
{
    private volatile bool stopping;

    /// <summary>How long the stop waits for the pages to go before the server closes what is left.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(8);

    private readonly ConcurrentDictionary<string, IJSRuntime> connected = new();

    /// <summary>Circuits with a live connection on this instance.</summary>
    public int Connected => connected.Count;

    /// <summary>True from the moment the host is told to stop.</summary>
    public bool Stopping => stopping || lifetime.ApplicationStopping.IsCancellationRequested;

    internal void Up(string circuitId, IJSRuntime js) => connected[circuitId] = js;

    internal void Down(string circuitId) => connected.TryRemove(circuitId, out _);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Runs when the host begins to stop, before any hosted service stops, the web server included (it still listens):
    /// from now on new requests are closed unanswered, so a page that loads again reaches another instance.
    /// </summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        stopping = true;
        var pages = connected.ToArray();
        if (pages.Length == 0)
        {
            return;
        }
        Starting(pages.Length);
        var asked = await Task.WhenAll(pages.Select(async page =>
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await page.Value.InvokeVoidAsync("sakraStader.handOver", timeout.Token);
                return true;
            }
            catch (Exception e) when (e is JSException or JSDisconnectedException or OperationCanceledException or InvalidOperationException)
            {
                return false; // gone meanwhile (a page that moves at once may not answer first), or not answering
            }
        }));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!connected.IsEmpty && watch.Elapsed < Patience && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(100, CancellationToken.None);
        }
        Done(asked.Count(a => a), pages.Length, connected.Count, watch.Elapsed.TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Instansen stängs: {Pages} sidor med krets ombeds flytta till en annan instans")]
    private partial void Starting(int pages);

    [LoggerMessage(Level = LogLevel.Information, Message = "Överlämning: {Asked} av {Pages} sidor svarade; {Left} kvar efter {Ms:0} ms")]
    private partial void Done(int asked, int pages, int left, double ms);
}

/// <summary>Keeps <see cref="CircuitHandOver"/> told which circuits have a live connection here.</summary>
public sealed class HandOverCircuitHandler(CircuitHandOver handOver, IJSRuntime js) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        handOver.Up(circuit.Id, js);
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        handOver.Down(circuit.Id);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        handOver.Down(circuit.Id);
        return Task.CompletedTask;
    }
}

/// <summary>While the instance stops, new requests are closed unanswered (the load balancer sends them on) instead of starting work here.</summary>
public static class StoppingGate
{
    public static WebApplication UseStoppingGate(this WebApplication app)
    {
        var handOver = app.Services.GetRequiredService<CircuitHandOver>();
        app.Use(async (context, next) =>
        {
            if (handOver.Stopping && !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
            {
                context.Abort();
                return;
            }
            await next(context);
        });
        return app;
    }
}
