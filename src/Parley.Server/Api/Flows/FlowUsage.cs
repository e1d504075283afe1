using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Flows.Json;
using Parley.Flows.Model;
using Parley.Voice.Numbers;

namespace Parley.Server.Api.Flows;

/// <summary>
/// What still runs a flow, so it cannot be deleted from under it: another flow's published version calling it as a
/// subflow, a phone number pointing at it, a queue's breakout key, or a schedule from under a published flow's business-hours block.
/// </summary>
internal static class FlowUsage
{
    /// <summary>A sentence naming the first user of <paramref name="flowId"/>, or null when nothing uses it.</summary>
    public static async Task<string?> FindAsync(ParleyDbContext db, Guid flowId, CancellationToken ct)
    {
        var flowKind = nameof(InboundTargetKind.Flow);
        var number = await db.Set<PhoneNumber>().AsNoTracking()
            .Where(n => n.TargetKind == flowKind && n.TargetId == flowId)
            .Select(n => n.Number)
            .FirstOrDefaultAsync(ct);
        if (number is not null)
        {
            return $"The phone number {number}";
        }

        var queue = await db.Queues.AsNoTracking().Where(q => q.BreakoutFlowId == flowId).Select(q => q.Name).FirstOrDefaultAsync(ct);
        if (queue is not null)
        {
            return $"The queue '{queue}' (its breakout key)";
        }

        var text = flowId.ToString();
        return await FindPublishedAsync(db, text, flowId, blocks => blocks.OfType<SubflowBlock>().Any(b => b.FlowId == text), ct);
    }

    /// <summary>A sentence naming the first published flow whose blocks use schedule <paramref name="scheduleId"/>, or null.</summary>
    public static Task<string?> FindScheduleUserAsync(ParleyDbContext db, Guid scheduleId, CancellationToken ct)
    {
        var text = scheduleId.ToString();
        return FindPublishedAsync(db, text, null, blocks => blocks.OfType<BusinessHoursBlock>().Any(b => b.ScheduleId == text), ct);
    }

    private static async Task<string?> FindPublishedAsync(
        ParleyDbContext db, string text, Guid? except, Func<IEnumerable<FlowBlock>, bool> uses, CancellationToken ct)
    {
        var published = await db.Flows.AsNoTracking()
            .Where(f => f.Id != except && f.PublishedVersion != null)
            .ToDictionaryAsync(f => (f.Id, f.PublishedVersion!.Value), f => f.Name, ct);
        var mentions = await db.FlowVersions.AsNoTracking()
            .Where(v => v.FlowId != except && v.Json.Contains(text))
            .ToListAsync(ct);
        foreach (var version in mentions)
        {
            if (published.TryGetValue((version.FlowId, version.Number), out var name)
                && uses(FlowJson.ParseTrusted(version.Json).Blocks ?? []))
            {
                return $"The published flow '{name}'";
            }
        }

        return null;
    }
}
