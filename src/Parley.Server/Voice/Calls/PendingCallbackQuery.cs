using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Data.Entities.Acd;
using Parley.Voice.Calls.Outbound;

namespace Parley.Server.Voice.Calls;

/// <summary>Reads waiting callbacks from the routing grain's records (interactions with <c>kind=callback</c>, still waiting).</summary>
internal static class PendingCallbackQuery
{
    private const string Marker = "\"" + CallbackAttributes.Kind + "\":\"" + CallbackAttributes.Callback + "\"";

    /// <summary>The waiting callbacks of <paramref name="interactions"/> (tenant-filtered or not), oldest first (in arrival order, then by when the caller first queued).</summary>
    public static async Task<List<PendingCallbackRow>> ListAsync(IQueryable<InteractionRecord> interactions, int limit, CancellationToken ct)
    {
        var rows = await interactions.AsNoTracking()
            .Where(i => i.Status == InteractionRecord.Waiting && i.Attributes.Contains(Marker))
            .OrderBy(i => i.Sequence)
            .Take(limit)
            .Select(i => new { i.Id, i.TenantId, i.QueueId, i.Attributes, i.EnqueuedAt })
            .ToListAsync(ct);
        var pending = new List<PendingCallbackRow>(rows.Count);
        foreach (var row in rows.OrderBy(r => r.EnqueuedAt))
        {
            var attributes = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Attributes) ?? [];
            if (attributes.TryGetValue(CallbackAttributes.Number, out var number))
            {
                attributes.TryGetValue("calledNumber", out var called);
                attributes.TryGetValue("callId", out var callId);
                attributes.TryGetValue(CallbackAttributes.Attempt, out var attempt);
                attributes.TryGetValue(CallbackAttributes.Mode, out var mode);
                pending.Add(new PendingCallbackRow(
                    row.Id, row.TenantId, row.QueueId, number, string.IsNullOrEmpty(called) ? null : called,
                    Guid.TryParse(callId, out var id) && id != Guid.Empty ? id : null, row.EnqueuedAt,
                    int.TryParse(attempt, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1,
                    CallbackAttributes.ParseMode(mode) ?? Parley.Voice.Calls.Ports.CallbackMode.Preview));
            }
        }

        return pending;
    }
}
