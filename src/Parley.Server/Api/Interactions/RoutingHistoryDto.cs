using System.Text.Json;
using Parley.Data.Entities.Acd;

namespace Parley.Server.Api.Interactions;

/// <summary>One routing event of an interaction.</summary>
public sealed record RoutingHistoryDto(DateTimeOffset At, string Kind, Guid? QueueId, Guid? AgentId, JsonElement Detail)
{
    public static RoutingHistoryDto From(RoutingHistoryEntry e) =>
        new(e.At, e.Kind, e.QueueId, e.AgentId, JsonSerializer.Deserialize<JsonElement>(e.Detail));
}
