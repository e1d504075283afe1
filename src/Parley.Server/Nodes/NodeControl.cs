using Parley.Cluster.Nodes;
using Parley.Voice.Nodes;

namespace Parley.Server.Nodes;

/// <summary>This node as <see cref="INodeGrain"/> describes it to an operator on any node, and drains it on their word.</summary>
internal sealed class NodeControl(IVoiceNode node, NodeDrain drain, NodeDrainer drainer) : INodeControl
{
    public NodeStatus Describe() => new(node.Id, string.Empty, drain.IsDraining, drain.DrainingSince, drainer.LiveCalls);

    public NodeStatus Drain()
    {
        drainer.DrainThenExit();
        return Describe();
    }
}
