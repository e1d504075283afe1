namespace Parley.Cluster.Routing.Watching;

/// <summary>One routing change of a watched interaction, as its watcher needs it.</summary>
[GenerateSerializer, Immutable]
public sealed record InteractionNotice(
    [property: Id(0)] InteractionNoticeKind Kind,
    [property: Id(1)] string InteractionId,
    [property: Id(2)] string QueueId,
    [property: Id(3)] string? AgentId = null,
    [property: Id(4)] DateTimeOffset? ExpiresAt = null,
    [property: Id(5)] string? Detail = null);
