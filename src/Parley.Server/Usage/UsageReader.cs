using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Domain.Tenants;

namespace Parley.Server.Usage;

/// <summary>
/// A tenant's usage per local day. Closed days (see <see cref="UsageJob"/>) are read from their stored rows, so they
/// stay when raw records are later deleted; the other days are computed on read from the raw records (CDRs, routing
/// sign-ins and sign-outs, chats and their messages, webhook deliveries, API call counts) with
/// <see cref="UsageCalculator"/>, the same computation that stored the closed ones.
/// </summary>
internal sealed class UsageReader(ParleyDbContext db, TimeProvider time)
{
    /// <summary>Usage of days <paramref name="from"/> to <paramref name="to"/> (inclusive) of the tenant, in its zone.</summary>
    public async Task<List<UsageRow>> ReadAsync(Guid tenantId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var closed = (await db.UsageDayCloses.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.TenantId == tenantId && c.Day >= from && c.Day <= to).Select(c => c.Day).ToListAsync(ct)).ToHashSet();
        var rows = await db.UsageDays.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.TenantId == tenantId && u.Day >= from && u.Day <= to)
            .Select(u => new UsageRow(u.Day, u.Meter, u.Dimension, u.Quantity))
            .ToListAsync(ct);
        rows.RemoveAll(r => !closed.Contains(r.Day));
        var open = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).Where(d => !closed.Contains(d)).ToList();
        if (open.Count > 0)
        {
            rows.AddRange((await ComputeAsync(tenantId, open[0], open[^1], ct)).Where(r => !closed.Contains(r.Day)));
        }

        return [.. rows.OrderBy(r => r.Day).ThenBy(r => r.Meter, StringComparer.Ordinal).ThenBy(r => r.Dimension, StringComparer.Ordinal)];
    }

    /// <summary>The tenant's time zone (UTC when it names none this server knows).</summary>
    public async Task<TimeZoneInfo> ZoneAsync(Guid tenantId, CancellationToken ct)
    {
        var zoneId = await db.Tenants.AsNoTracking().IgnoreQueryFilters().Where(t => t.Id == tenantId).Select(t => t.TimeZone).SingleOrDefaultAsync(ct);
        return TenantTimeZone.TryFind(zoneId, out var found) ? found : TimeZoneInfo.Utc;
    }

    /// <summary>Usage of days <paramref name="from"/> to <paramref name="to"/> computed from the raw records alone.</summary>
    public async Task<List<UsageRow>> ComputeAsync(Guid tenantId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var zone = await ZoneAsync(tenantId, ct);
        var start = Application.Supervision.SupervisorDashboard.StartOf(zone, from);
        var end = Application.Supervision.SupervisorDashboard.StartOf(zone, to.AddDays(1));
        var records = new UsageRecords(
            await SeatsAsync(tenantId, start, end, ct),
            await db.Set<CallRecordRow>().IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.TenantId == tenantId && c.ArrivedAt >= start && c.ArrivedAt < end && c.Direction != "Internal")
                .Select(c => new CallUsage(
                    c.Id, c.Direction == "Inbound", c.TrunkId, c.Direction == "Inbound" ? c.CalledNumber : c.CallerNumber, c.ArrivedAt, c.TalkMs ?? 0, c.IvrMs ?? 0,
                    c.RecordedMs ?? 0, c.RecordingBytes ?? 0))
                .ToListAsync(ct),
            await db.ChatConversations.IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.TenantId == tenantId && c.StartedAt >= start && c.StartedAt < end)
                .Select(c => new ChatUsage(c.Id, c.StartedAt, db.ChatMessages.IgnoreQueryFilters().Count(m => m.ConversationId == c.Id)))
                .ToListAsync(ct),
            await db.WebhookDeliveries.IgnoreQueryFilters().AsNoTracking()
                .Where(d => d.TenantId == tenantId && d.CreatedAt >= start && d.CreatedAt < end)
                .Select(d => new DeliveryUsage(d.Id, d.CreatedAt))
                .ToListAsync(ct),
            await db.ApiCallCounts.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.TenantId == tenantId && a.Hour >= start.AddHours(-1) && a.Hour < end)
                .Select(a => new ApiCallUsage(a.Hour, a.NodeId, a.Count))
                .ToListAsync(ct));
        return [.. UsageCalculator.Compute(records, zone)
            .Where(u => u.Key.Day >= from && u.Key.Day <= to)
            .Select(u => new UsageRow(u.Key.Day, u.Key.Meter, u.Key.Dimension, u.Value))
            .OrderBy(r => r.Day).ThenBy(r => r.Meter, StringComparer.Ordinal).ThenBy(r => r.Dimension, StringComparer.Ordinal)];
    }

    /// <summary>Sign-in spans from the routing history, clipped to the window; a span still open ends now.</summary>
    private async Task<List<SeatSpan>> SeatsAsync(Guid tenantId, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var changes = await db.RoutingHistory.IgnoreQueryFilters().AsNoTracking()
            .Where(h => h.TenantId == tenantId && h.Kind == "agent.state-changed" && h.At < end && h.AgentId != null)
            .OrderBy(h => h.Id)
            .Select(h => new { h.Id, h.At, AgentId = h.AgentId!.Value, h.Detail })
            .ToListAsync(ct);
        var spans = new List<SeatSpan>();
        var open = new Dictionary<Guid, (long Id, DateTimeOffset At)>();
        foreach (var change in changes)
        {
            var (previous, current) = States(change.Detail);
            if (previous == "LoggedOut" && current != "LoggedOut")
            {
                open[change.AgentId] = (change.Id, change.At);
            }
            else if (current == "LoggedOut" && open.Remove(change.AgentId, out var signedIn))
            {
                Clip(spans, signedIn.Id, change.AgentId, signedIn.At, change.At, start, end);
            }
        }

        var now = time.GetUtcNow();
        foreach (var (agentId, signedIn) in open)
        {
            Clip(spans, signedIn.Id, agentId, signedIn.At, now < end ? now : end, start, end);
        }

        return spans;
    }

    private static void Clip(List<SeatSpan> spans, long id, Guid agentId, DateTimeOffset from, DateTimeOffset to, DateTimeOffset start, DateTimeOffset end)
    {
        from = from < start ? start : from;
        to = to > end ? end : to;
        if (to > from)
        {
            spans.Add(new SeatSpan(IdOf(id), agentId, from, to));
        }
    }

    private static Guid IdOf(long historyId)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes[8..], historyId);
        return new Guid(bytes);
    }

    private static (string? Previous, string? Current) States(string detail)
    {
        using var json = JsonDocument.Parse(detail);
        var root = json.RootElement;
        return (root.TryGetProperty("previous", out var p) ? p.GetString() : null, root.TryGetProperty("current", out var c) ? c.GetString() : null);
    }
}
