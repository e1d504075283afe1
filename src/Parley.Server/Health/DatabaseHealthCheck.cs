using Microsoft.Extensions.Diagnostics.HealthChecks;
using Parley.Data;

namespace Parley.Server.Health;

/// <summary>Ready only while the database answers.</summary>
internal sealed class DatabaseHealthCheck(ParleyDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
