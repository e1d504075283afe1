using Parley.Routing.Channels;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Routing.Agents;

/// <summary>An interaction offered to or handled by an agent.</summary>
public sealed record AgentWork(InteractionId InteractionId, QueueId QueueId, Channel Channel, InteractionStatus Status, TimeSpan Since);
