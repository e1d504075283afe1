using Parley.Cluster.Routing.Ports;
using Parley.Cluster.Routing.Seats;

namespace Parley.Cluster.Routing;

/// <summary>The default when the host registers no <see cref="ITenantPlanSource"/>: seats are not limited.</summary>
internal sealed class UnlimitedPlanSource : ITenantPlanSource
{
    public Task<SeatLimits> LoadSeatLimitsAsync(Guid tenantId, CancellationToken cancellationToken) => Task.FromResult(SeatLimits.Unlimited);
}
