using Microsoft.Extensions.Logging;

namespace Parley.Cluster.Nodes;

/// <summary>
/// The cluster's nodes as an operator sees them: asks every active node of the membership
/// (<see cref="IManagementGrain.GetHosts"/>) through its <see cref="INodeGrain"/>, each bounded by
/// <see cref="NodeBroadcast.Timeout"/>; a node that does not answer is logged and left out.
/// </summary>
public sealed partial class NodeRoster(IGrainFactory grains, ILogger<NodeRoster> logger)
{
    /// <summary>Every active node that answered, ordered by node id.</summary>
    public async Task<IReadOnlyList<NodeStatus>> ListAsync()
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var answers = await Task.WhenAll(hosts.Keys.Select(silo => AskAsync(silo, g => g.DescribeAsync())));
        return [.. answers.OfType<NodeStatus>().OrderBy(n => n.NodeId, StringComparer.Ordinal)];
    }

    /// <summary>Starts draining the node whose <c>Parley:NodeId</c> is <paramref name="nodeId"/>; null when no active node has it.</summary>
    public async Task<NodeStatus?> DrainAsync(string nodeId)
    {
        foreach (var node in await ListAsync())
        {
            if (string.Equals(node.NodeId, nodeId, StringComparison.Ordinal))
            {
                return await grains.GetGrain<INodeGrain>(node.SiloAddress).DrainAsync().WaitAsync(NodeBroadcast.Timeout);
            }
        }

        return null;
    }

    private async Task<NodeStatus?> AskAsync(SiloAddress silo, Func<INodeGrain, Task<NodeStatus>> ask)
    {
        try
        {
            return await ask(grains.GetGrain<INodeGrain>(silo.ToParsableString())).WaitAsync(NodeBroadcast.Timeout);
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException or SiloUnavailableException)
        {
            NodeDidNotAnswer(logger, exception, silo.ToString());
            return null;
        }
    }

    [LoggerMessage(5302, LogLevel.Warning, "Node {Silo} did not say how it is; it is left out of the node list")]
    private static partial void NodeDidNotAnswer(ILogger logger, Exception exception, string silo);
}
