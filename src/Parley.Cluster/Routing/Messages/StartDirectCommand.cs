using Parley.Routing.Channels;

namespace Parley.Cluster.Routing.Messages;

/// <summary>
/// An interaction <paramref name="AgentId"/> starts themselves (an outbound or internal call): persisted with its
/// attributes as active with that agent before the grain acknowledges it; <paramref name="QueueId"/> only gives it a
/// queue for wrap-up and history. Ended with <see cref="ITenantRoutingGrain.End"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StartDirectCommand(
    string InteractionId,
    string QueueId,
    Channel Channel,
    string AgentId,
    Dictionary<string, string> Attributes);
