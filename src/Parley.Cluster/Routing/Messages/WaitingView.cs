using Parley.Routing.Channels;

namespace Parley.Cluster.Routing.Messages;

/// <summary>An interaction waiting in a queue, in the order agents will get it.</summary>
[GenerateSerializer, Immutable]
public sealed record WaitingView(string InteractionId, string QueueId, Channel Channel, int Priority, DateTimeOffset EnqueuedAt, string? PreferredAgentId);
