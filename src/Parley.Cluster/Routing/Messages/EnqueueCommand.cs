using Parley.Cluster.Routing.Watching;
using Parley.Routing.Channels;

namespace Parley.Cluster.Routing.Messages;

/// <summary>
/// "Here is an interaction for queue Q": persisted with its attributes before the grain acknowledges it. A
/// <paramref name="Watcher"/> (a call on its node) is told about the interaction's offers and end from then on. A
/// <paramref name="Deferred"/> one (a voicemail, a callback) waits without the queue's overflow rules.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EnqueueCommand(
    string InteractionId,
    string QueueId,
    Channel Channel,
    int Priority,
    Dictionary<string, string> Attributes,
    string? PreferredAgentId = null,
    DateTimeOffset? EnqueuedAt = null,
    IInteractionWatcher? Watcher = null,
    bool Deferred = false);
