using Parley.Cluster.Routing.Seats;

namespace Parley.Cluster.Routing.Ports;

/// <summary>
/// Where the routing grain reads the tenant's seat limits (its plan). Read at activation and on
/// <see cref="ITenantRoutingGrain.RefreshPlan"/>. Implemented by the host; without one, seats are unlimited.
/// </summary>
public interface ITenantPlanSource
{
    Task<SeatLimits> LoadSeatLimitsAsync(Guid tenantId, CancellationToken cancellationToken);
}
