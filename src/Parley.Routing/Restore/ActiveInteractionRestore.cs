using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Routing.Restore;

/// <summary>An accepted interaction still in progress: it keeps the agent's capacity after a restart.</summary>
public sealed record ActiveInteractionRestore(
    InteractionId Id, QueueId QueueId, Channel Channel, AgentId AgentId, int Priority, DateTimeOffset EnqueuedAt, DateTimeOffset AcceptedAt);
