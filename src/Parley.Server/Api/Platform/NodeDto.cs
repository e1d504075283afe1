using Parley.Cluster.Nodes;

namespace Parley.Server.Api.Platform;

/// <summary>A node of the cluster: its <c>Parley:NodeId</c>, its silo's address, <c>active</c> or <c>draining</c> (since when) and its live calls.</summary>
public sealed record NodeDto(string Id, string Address, string Status, DateTimeOffset? DrainingSince, int LiveCalls)
{
    public const string Active = "active";
    public const string Draining = "draining";

    public static NodeDto From(NodeStatus node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new(node.NodeId, node.SiloAddress, node.Draining ? Draining : Active, node.DrainingSince, node.LiveCalls);
    }
}
