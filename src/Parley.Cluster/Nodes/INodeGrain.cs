namespace Parley.Cluster.Nodes;

/// <summary>
/// One grain per node, living on that node (key: the silo's address, <see cref="NodePlacement"/>): how a change on one
/// node reaches the caches every node keeps (<see cref="NodeBroadcast"/>), and how an operator on any node lists the
/// nodes and drains one (<see cref="NodeRoster"/>).
/// </summary>
public interface INodeGrain : IGrainWithStringKey
{
    /// <summary>Forgets this node's cached view of the tenant's plan (call cap, API rate).</summary>
    Task ForgetTenantPlanAsync(Guid tenantId);

    /// <summary>This node: id, address, draining or not, live calls.</summary>
    Task<NodeStatus> DescribeAsync();

    /// <summary>Starts draining this node; answers its status once the drain has begun.</summary>
    Task<NodeStatus> DrainAsync();
}
