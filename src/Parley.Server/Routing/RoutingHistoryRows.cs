using System.Text.Json;
using Parley.Data.Entities.Acd;

namespace Parley.Server.Routing;

/// <summary>The routing-history rows of a batch of events (queue statistics are not history).</summary>
internal static class RoutingHistoryRows
{
    public static List<RoutingHistoryEntry> From(Guid tenantId, IReadOnlyList<RoutingEventMessage> messages)
    {
        var rows = new List<RoutingHistoryEntry>(messages.Count);
        foreach (var m in messages)
        {
            if (m.Type == RoutingEventMessages.QueueStatistics)
            {
                continue;
            }

            rows.Add(new RoutingHistoryEntry
            {
                TenantId = tenantId,
                At = m.At,
                Kind = m.Type,
                InteractionId = ParseId(m.InteractionId),
                QueueId = ParseId(m.QueueId),
                AgentId = ParseId(m.AgentId),
                Detail = JsonSerializer.Serialize(m.Data),
            });
        }

        return rows;
    }

    private static Guid? ParseId(string? id) => Guid.TryParse(id, out var guid) ? guid : null;
}
