namespace Parley.Cluster.Nodes;

[NodePlacement]
internal sealed class NodeGrain(INodeCaches caches) : Grain, INodeGrain
{
    public Task ForgetTenantPlanAsync(Guid tenantId) => caches.ForgetTenantPlanAsync(tenantId).AsTask();
}
