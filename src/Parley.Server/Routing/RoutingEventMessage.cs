namespace Parley.Server.Routing;

/// <summary>
/// A routing event as pushed to SignalR clients and webhook receivers: <c>type</c> such as
/// <c>interaction.offered</c>, the ids it concerns and event-specific <c>data</c>.
/// </summary>
public sealed record RoutingEventMessage(
    string Type,
    DateTimeOffset At,
    string? InteractionId,
    string? QueueId,
    string? AgentId,
    IReadOnlyDictionary<string, object?> Data);
