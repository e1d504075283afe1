namespace Parley.Cluster.Nodes;

/// <summary>
/// One node as an operator sees it: its <c>Parley:NodeId</c>, its silo's address, whether it is draining (since when)
/// and how many calls it holds now.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record NodeStatus(string NodeId, string SiloAddress, bool Draining, DateTimeOffset? DrainingSince, int LiveCalls);
