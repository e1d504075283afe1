namespace Parley.Cluster.Nodes;

internal sealed class NoNodeControl : INodeControl
{
    private static readonly NodeStatus Unknown = new(string.Empty, string.Empty, Draining: false, DrainingSince: null, LiveCalls: 0);

    public NodeStatus Describe() => Unknown;

    public NodeStatus Drain() => Unknown;
}
