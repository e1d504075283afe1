using Parley.Routing.Channels;

namespace Parley.Cluster.Routing.Messages;

/// <summary>"Here is an interaction for queue Q": persisted with its attributes before the grain acknowledges it.</summary>
[GenerateSerializer, Immutable]
public sealed record EnqueueCommand(
    string InteractionId,
    string QueueId,
    Channel Channel,
    int Priority,
    Dictionary<string, string> Attributes,
    string? PreferredAgentId = null,
    DateTimeOffset? EnqueuedAt = null);
