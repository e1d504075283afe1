using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Routing.Agents;

/// <summary>After-call work an agent still owes: since when, and the time limit that ends it on its own (null for none).</summary>
public sealed record PendingWrapUp(InteractionId InteractionId, QueueId QueueId, TimeSpan Since, TimeSpan? TimeLimit = null);
