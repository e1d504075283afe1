namespace Parley.Cluster.Routing.Messages;

/// <summary>After-call work an agent still owes.</summary>
[GenerateSerializer, Immutable]
public sealed record WrapUpView(string InteractionId, string QueueId, TimeSpan Since);
