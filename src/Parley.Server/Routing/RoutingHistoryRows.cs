using System.Text.Json;
using Parley.Data;
using Parley.Data.Entities.Acd;

namespace Parley.Server.Routing;

/// <summary>Adds the routing-history rows of a batch of events to a unit of work (queue statistics are not history).</summary>
internal static class RoutingHistoryRows
{
    public static void Add(ParleyDbContext db, Guid tenantId, IReadOnlyList<RoutingEventMessage> messages)
    {
        foreach (var m in messages)
        {
            if (m.Type == RoutingEventMessages.QueueStatistics)
            {
                continue;
            }

            db.RoutingHistory.Add(new RoutingHistoryEntry
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
    }

    private static Guid? ParseId(string? id) => Guid.TryParse(id, out var guid) ? guid : null;
}
