using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Parley.Server.Nodes;

/// <summary>Not ready while the node drains: <c>/health/ready</c> answers 503, so a web load balancer sends new sessions elsewhere.</summary>
internal sealed class NodeDrainHealthCheck(NodeDrain drain) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(drain.DrainingSince is { } since
            ? HealthCheckResult.Unhealthy($"The node is draining (since {since:O}): it takes no new calls or chats.")
            : HealthCheckResult.Healthy());
}
