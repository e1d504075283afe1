using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Flows.Json;
using Parley.Flows.Model;

namespace Parley.Server.Api.Flows;

/// <summary>
/// What still runs a flow, so it cannot be deleted from under it: another flow's published version calling it as a
/// subflow, or a schedule from under a published flow's business-hours block. Phone numbers pointing at a flow join
/// this check when the numbers table exists.
/// </summary>
internal static class FlowUsage
{
    /// <summary>A sentence naming the first user of <paramref name="flowId"/>, or null when nothing uses it.</summary>
    public static Task<string?> FindAsync(ParleyDbContext db, Guid flowId, CancellationToken ct)
    {
        var text = flowId.ToString();
        return FindPublishedAsync(db, text, flowId, blocks => blocks.OfType<SubflowBlock>().Any(b => b.FlowId == text), ct);
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
