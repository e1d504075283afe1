using Parley.Routing.Interactions;

namespace Parley.Cluster.Routing.Messages;

/// <summary>Where an interaction stands: 1-based position while waiting (0 once offered) and estimated wait.</summary>
[GenerateSerializer, Immutable]
public sealed record PositionView(string InteractionId, InteractionStatus Status, int Position, TimeSpan WaitedSoFar, TimeSpan? EstimatedWait);
