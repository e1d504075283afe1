using Parley.Routing.Channels;
using Parley.Routing.Interactions;

namespace Parley.Cluster.Routing.Messages;

/// <summary>An interaction ringing at or handled by an agent.</summary>
[GenerateSerializer, Immutable]
public sealed record AgentWorkView(string InteractionId, string QueueId, Channel Channel, InteractionStatus Status, TimeSpan Since);
