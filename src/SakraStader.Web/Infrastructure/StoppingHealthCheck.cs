using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SakraStader.Infrastructure;

/// <summary>
/// Readiness fails as soon as the instance has been told to stop (SIGTERM): a load balancer that asks
/// <c>/health/ready</c> sends no new users to it while it finishes what it has (docs/operations.md, rolling restart).
/// </summary>
public sealed class StoppingHealthCheck(IHostApplicationLifetime lifetime, CircuitHandOver? handOver = null) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested || handOver?.Stopping == true
            ? HealthCheckResult.Unhealthy("Instansen stängs.")
            : HealthCheckResult.Healthy());
}
