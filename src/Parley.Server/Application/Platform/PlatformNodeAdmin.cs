using Parley.Cluster.Nodes;
using Parley.Domain.Security;
using Parley.Server.Api.Platform;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Nodes;
using Parley.Voice.Nodes;

namespace Parley.Server.Application.Platform;

/// <summary>
/// The cluster's nodes for <c>/api/v1/platform/nodes</c>: lists them (every active node answers for itself through its
/// <see cref="INodeGrain"/>) and drains one for a restart — this node directly, another through its grain. A drained node
/// takes no new calls or chats, lets its live calls finish (up to <c>Parley:Cluster:DrainTimeout</c>) and exits. Needs
/// <c>platform.nodes.read</c>/<c>platform.nodes.write</c>.
/// </summary>
internal sealed class PlatformNodeAdmin(IVoiceNode self, INodeControl control, NodeRoster roster, AuditScope audit)
{
    public async Task<AppResult<IReadOnlyList<NodeDto>>> ListAsync(CurrentActor actor)
    {
        if (PlatformGuard.Require(actor, Permissions.PlatformNodesRead) is { } refused)
        {
            return refused;
        }

        var nodes = await roster.ListAsync();
        return AppResult<IReadOnlyList<NodeDto>>.Ok([.. nodes.Select(NodeDto.From)]);
    }

    /// <summary>Starts draining node <paramref name="nodeId"/>; answers its status once the drain has begun, or 404.</summary>
    public async Task<AppResult<NodeDto>> DrainAsync(CurrentActor actor, string nodeId)
    {
        if (PlatformGuard.Require(actor, Permissions.PlatformNodesWrite) is { } refused)
        {
            return refused;
        }

        var node = string.Equals(nodeId, self.Id, StringComparison.Ordinal) ? control.Drain() : await roster.DrainAsync(nodeId);
        if (node is null)
        {
            return AppError.NotFound();
        }

        audit.Target("node", node.NodeId).Describe($"drained node {node.NodeId} ({node.LiveCalls} live calls)");
        return AppResult<NodeDto>.Ok(NodeDto.From(node));
    }
}
