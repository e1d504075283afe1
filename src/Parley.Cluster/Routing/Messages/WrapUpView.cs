namespace Parley.Cluster.Routing.Messages;

/// <summary>After-call work an agent still owes: since when, and the time limit that ends it on its own (null for none).</summary>
[GenerateSerializer, Immutable]
public sealed record WrapUpView(string InteractionId, string QueueId, TimeSpan Since, TimeSpan? TimeLimit = null);
