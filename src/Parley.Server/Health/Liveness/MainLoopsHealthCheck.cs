using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Parley.Server.Health.Liveness;

/// <summary><c>/health/live</c>: unhealthy while any main loop is stalled, naming the loops.</summary>
internal sealed class MainLoopsHealthCheck(LivenessMonitor monitor) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(monitor.Stalls() is { Count: > 0 } stalls
            ? HealthCheckResult.Unhealthy("Stalled: " + string.Join("; ", stalls))
            : HealthCheckResult.Healthy());
}
