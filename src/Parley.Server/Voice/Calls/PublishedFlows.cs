using Microsoft.EntityFrameworkCore;
using Parley.Flows.Execution;
using Parley.Flows.Json;
using Parley.Flows.Model;
using Parley.Flows.Schedules;
using Parley.Server.Api.Schedules;
using Parley.Server.Tenants;
using Parley.Voice.Calls.Ports;

namespace Parley.Server.Voice.Calls;

/// <summary>
/// The server's <see cref="IPublishedFlows"/>: a flow's published version with every subflow (their published versions,
/// transitively) and schedule it can reach loaded up front, since the interpreter's library lookups are synchronous.
/// Served from <see cref="PublishedFlowCache"/>: the database is read once per flow and change, not per call.
/// </summary>
internal sealed class PublishedFlows(IServiceScopeFactory scopes, PublishedFlowCache cache) : IPublishedFlows
{
    private const int MaxSubflows = 32;

    public ValueTask<PublishedFlow?> FindAsync(Guid tenantId, Guid flowId, CancellationToken cancellationToken = default) =>
        cache.GetAsync(tenantId, flowId, (tenant, flow) => LoadPublishedAsync(tenant, flow, CancellationToken.None), cancellationToken);

    private async Task<PublishedFlow?> LoadPublishedAsync(Guid tenantId, Guid flowId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.OpenTenant(tenantId, out var db);
        var zone = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.TimeZone).SingleAsync(cancellationToken);
        var root = await LoadAsync(db, flowId, cancellationToken);
        if (root is null)
        {
            return null;
        }

        var flows = new Dictionary<string, FlowDocument>(StringComparer.Ordinal) { [flowId.ToString()] = root.Value.Document };
        var scheduleIds = new HashSet<Guid>();
        var pending = new Queue<FlowDocument>([root.Value.Document]);
        while (pending.TryDequeue(out var document))
        {
            foreach (var block in document.Blocks ?? [])
            {
                if (block is SubflowBlock { FlowId: { } sub } && Guid.TryParse(sub, out var subId) && !flows.ContainsKey(subId.ToString()) && flows.Count < MaxSubflows
                    && await LoadAsync(db, subId, cancellationToken) is { } loaded)
                {
                    flows[subId.ToString()] = loaded.Document;
                    pending.Enqueue(loaded.Document);
                }
                else if (block is BusinessHoursBlock { ScheduleId: { } schedule } && Guid.TryParse(schedule, out var scheduleId))
                {
                    scheduleIds.Add(scheduleId);
                }
            }
        }

        var schedules = await db.Schedules.AsNoTracking().Where(s => scheduleIds.Contains(s.Id)).ToListAsync(cancellationToken);
        var library = new FlowLibrary(
            flows,
            schedules.ToDictionary(s => s.Id.ToString(), s => ScheduleRules.ToBusinessSchedule(s, zone), StringComparer.Ordinal));
        return new PublishedFlow(flowId, root.Value.Version, root.Value.Document, library, zone);
    }

    private static async Task<(FlowDocument Document, int Version)?> LoadAsync(Parley.Data.ParleyDbContext db, Guid flowId, CancellationToken cancellationToken)
    {
        var published = await db.Flows.AsNoTracking().Where(f => f.Id == flowId).Select(f => f.PublishedVersion).SingleOrDefaultAsync(cancellationToken);
        if (published is not { } version)
        {
            return null;
        }

        var json = await db.FlowVersions.AsNoTracking().Where(v => v.FlowId == flowId && v.Number == version).Select(v => v.Json).SingleAsync(cancellationToken);
        return (FlowJson.ParseTrusted(json), version);
    }
}
