using Parley.Routing.Agents;
using Parley.Routing.Queues;

namespace Parley.Cluster.Routing.Ports;

/// <summary>
/// Where the routing grain keeps what must survive a restart. Implemented by the host (EF Core in the server).
/// <see cref="SaveAsync"/> completes only once the changes are durable: the grain acknowledges after it.
/// </summary>
public interface IRoutingStore
{
    /// <summary>
    /// Makes the calling activation the tenant's only writer: returns a new epoch, higher than any claimed before, after
    /// which a save with an older epoch fails with <see cref="RoutingOwnershipLostException"/> and writes nothing. Called
    /// before <see cref="LoadAsync"/>, so the load sees every save the previous owner made.
    /// </summary>
    Task<long> ClaimAsync(Guid tenantId, CancellationToken cancellationToken);

    /// <summary>Everything needed to rebuild a tenant's engine: definitions, signed-in agents, open interactions.</summary>
    Task<TenantRoutingData> LoadAsync(Guid tenantId, CancellationToken cancellationToken);

    /// <summary>One agent's definition, or null when it no longer exists.</summary>
    Task<AgentDefinition?> LoadAgentAsync(Guid tenantId, string agentId, CancellationToken cancellationToken);

    /// <summary>One queue's definition, or null when it no longer exists.</summary>
    Task<QueueDefinition?> LoadQueueAsync(Guid tenantId, string queueId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the state changes and the record of <see cref="RoutingChanges.Events"/> (routing history, webhook
    /// deliveries) atomically: when it throws, none of them may remain. The grain then fails the call and rebuilds.
    /// Throws <see cref="RoutingOwnershipLostException"/>, writing nothing, when <paramref name="epoch"/> is no longer
    /// the tenant's latest claim.
    /// </summary>
    Task SaveAsync(Guid tenantId, long epoch, RoutingChanges changes, CancellationToken cancellationToken);
}
