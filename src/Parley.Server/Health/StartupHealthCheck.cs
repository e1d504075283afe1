using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Parley.Server.Health;

/// <summary>
/// Ready only once the host has started: the HTTP port opens while start-up work still runs (see
/// <see cref="Extensions.StartupWork"/>), and the host reports started only after the database is migrated, the
/// platform operator and the demo tenant are seeded, the Orleans silo is up and the SIP listeners are bound.
/// </summary>
internal sealed class StartupHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStarted.IsCancellationRequested
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The server is still starting."));
}
