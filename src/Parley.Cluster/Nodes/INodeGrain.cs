namespace Parley.Cluster.Nodes;

/// <summary>
/// One grain per node, living on that node (key: the silo's address, <see cref="NodePlacement"/>): how a change on one
/// node reaches the caches every node keeps (<see cref="NodeBroadcast"/>).
/// </summary>
public interface INodeGrain : IGrainWithStringKey
{
    /// <summary>Forgets this node's cached view of the tenant's plan (call cap, API rate).</summary>
    Task ForgetTenantPlanAsync(Guid tenantId);
}
