using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Routing.Agents;

/// <summary>After-call work an agent still owes.</summary>
public sealed record PendingWrapUp(InteractionId InteractionId, QueueId QueueId, TimeSpan Since);
