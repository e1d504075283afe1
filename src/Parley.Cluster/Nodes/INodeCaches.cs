namespace Parley.Cluster.Nodes;

/// <summary>The host's per-node caches that <see cref="INodeGrain"/> clears; the default (<see cref="NoNodeCaches"/>) has none.</summary>
public interface INodeCaches
{
    ValueTask ForgetTenantPlanAsync(Guid tenantId);
}
