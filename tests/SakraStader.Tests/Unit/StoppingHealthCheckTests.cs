using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using SakraStader.Infrastructure;

namespace SakraStader.Tests.Unit;

/// <summary>Readiness fails once the instance is told to stop, so that a load balancer sends it no new users.</summary>
public sealed class StoppingHealthCheckTests
{
    private sealed class Lifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => stopping.Token;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() => stopping.Cancel();
        public void Dispose() => stopping.Dispose();
    }

    [Fact]
    public async Task Ready_while_running_and_not_ready_once_stopping()
    {
        using var lifetime = new Lifetime();
        var check = new StoppingHealthCheck(lifetime);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        lifetime.StopApplication();
        var stopping = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal((HealthStatus.Unhealthy, "Instansen stängs."), (stopping.Status, stopping.Description));
    }
}
