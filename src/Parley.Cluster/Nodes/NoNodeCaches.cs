namespace Parley.Cluster.Nodes;

internal sealed class NoNodeCaches : INodeCaches
{
    public ValueTask ForgetTenantPlanAsync(Guid tenantId) => ValueTask.CompletedTask;
}
