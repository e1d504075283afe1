using System.Collections.Concurrent;
using Parley.Cluster.Routing.Ports;
using Parley.Cluster.Routing.Seats;

namespace Parley.Cluster.Tests.Support;

/// <summary>The tenants' seat limits as the test sets them (the plans of these tests); unset = unlimited.</summary>
public sealed class InMemoryPlans : ITenantPlanSource
{
    private readonly ConcurrentDictionary<Guid, SeatLimits> _limits = new();

    public static InMemoryPlans Shared { get; } = new();

    public void Set(Guid tenantId, SeatLimits limits) => _limits[tenantId] = limits;

    public Task<SeatLimits> LoadSeatLimitsAsync(Guid tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(_limits.TryGetValue(tenantId, out var limits) ? limits : SeatLimits.Unlimited);
}
