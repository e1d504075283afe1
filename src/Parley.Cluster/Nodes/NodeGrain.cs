namespace Parley.Cluster.Nodes;

[NodePlacement]
internal sealed class NodeGrain(INodeCaches caches, INodeControl control) : Grain, INodeGrain
{
    public Task ForgetTenantPlanAsync(Guid tenantId) => caches.ForgetTenantPlanAsync(tenantId).AsTask();

    public Task<NodeStatus> DescribeAsync() => Task.FromResult(control.Describe() with { SiloAddress = this.GetPrimaryKeyString() });

    public Task<NodeStatus> DrainAsync() => Task.FromResult(control.Drain() with { SiloAddress = this.GetPrimaryKeyString() });
}
