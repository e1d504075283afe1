using Parley.Routing.Channels;

namespace Parley.Cluster.Routing.Ports;

/// <summary>An arrival, with the sequence that orders it among arrivals of the same instant.</summary>
public sealed record NewInteraction(
    string InteractionId,
    string QueueId,
    Channel Channel,
    int Priority,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset EnqueuedAt,
    long Sequence);
