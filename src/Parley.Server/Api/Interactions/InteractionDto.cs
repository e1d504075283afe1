using System.Text.Json;
using Parley.Cluster.Routing.Messages;
using Parley.Data.Entities.Acd;

namespace Parley.Server.Api.Interactions;

/// <summary>An interaction as stored, with its live position while it waits and its routing history.</summary>
public sealed record InteractionDto(
    Guid Id,
    Guid QueueId,
    string Channel,
    int Priority,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset EnqueuedAt,
    string Status,
    Guid? AgentId,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ClosedAt,
    string? Outcome,
    PositionView? Position,
    IReadOnlyList<RoutingHistoryDto> History)
{
    public static InteractionDto From(InteractionRecord i, PositionView? position, IReadOnlyList<RoutingHistoryDto> history) => new(
        i.Id, i.QueueId, i.Channel, i.Priority, JsonSerializer.Deserialize<Dictionary<string, string>>(i.Attributes) ?? [], i.EnqueuedAt,
        i.Status, i.AgentId, i.AcceptedAt, i.ClosedAt, i.Outcome, position, history);
}
