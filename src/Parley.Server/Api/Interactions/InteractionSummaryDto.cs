using System.Text.Json;
using Parley.Data.Entities.Acd;

namespace Parley.Server.Api.Interactions;

/// <summary>An interaction in a list: the stored record without live position or history (read one for those).</summary>
public record InteractionSummaryDto(
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
    string? WrapUpNotes)
{
    public static InteractionSummaryDto From(InteractionRecord i) => new(
        i.Id, i.QueueId, i.Channel, i.Priority, JsonSerializer.Deserialize<Dictionary<string, string>>(i.Attributes) ?? [], i.EnqueuedAt,
        i.Status, i.AgentId, i.AcceptedAt, i.ClosedAt, i.Outcome, i.WrapUpNotes);
}
