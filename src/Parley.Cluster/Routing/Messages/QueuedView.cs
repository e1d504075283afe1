using Parley.Routing;

namespace Parley.Cluster.Routing.Messages;

/// <summary>The answer to an enqueue that also says where the interaction stands: one grain call instead of two.</summary>
[GenerateSerializer, Immutable]
public sealed record QueuedView(RoutingResult Result, PositionView? Position);
