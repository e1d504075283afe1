namespace Parley.Cluster.Routing.Ports;

/// <summary>
/// A durable change of an interaction: moved to <see cref="QueueId"/> (overflow), accepted by <see cref="AgentId"/>,
/// or closed (ended, abandoned, overflowed out of routing with <see cref="Outcome"/>).
/// </summary>
public sealed record InteractionChange(
    string InteractionId,
    InteractionChangeKind Kind,
    DateTimeOffset At,
    string? QueueId = null,
    string? AgentId = null,
    string? Outcome = null);
