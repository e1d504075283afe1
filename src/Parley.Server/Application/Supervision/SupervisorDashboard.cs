using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Cluster.Routing.Messages;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Domain.Tenants;
using Parley.Server.Application.Reports;
using Parley.Server.Auth;
using Parley.Server.Routing;
using Parley.Server.Voice.Calls;
using Parley.Voice.Calls;

namespace Parley.Server.Application.Supervision;

/// <summary>
/// The supervisor dashboard's query, shared by <c>GET /api/v1/realtime/dashboard</c>, the <c>/supervisor</c> page and the
/// live feed (<see cref="SupervisorFeed"/>): reads configuration, the agents' phones, the routing grain's snapshot, today's
/// records and the calls on hold of the unit of work's tenant, and hands them to <see cref="RealtimeMetricsCalculator"/>. The
/// actor needs <c>realtime.read</c>. Calls on hold are read from this node's calls (where the workspace reads them too); every
/// node hears the <c>call.held</c>/<c>call.resumed</c> events that make the feed compute a new view.
/// </summary>
internal sealed class SupervisorDashboard(ParleyDbContext db, RoutingGateway routing, TenantContext tenant, InboundCalls calls, TimeProvider time)
{
    public async Task<AppResult<DashboardView>> GetAsync(CurrentActor actor, CancellationToken ct)
    {
        if (!actor.Permissions.Contains(Permissions.RealtimeRead))
        {
            return AppError.Forbidden(Permissions.RealtimeRead);
        }

        tenant.Set(actor.TenantId);
        return AppResult<DashboardView>.Ok(await ReadAsync(ct));
    }

    /// <summary>The dashboard of the unit of work's tenant (already bound; no permission check: callers do it).</summary>
    public async Task<DashboardView> ReadAsync(CancellationToken ct)
    {
        var grain = routing.Grain;
        var queueViewsTask = grain.GetQueues();
        var agentViewsTask = grain.GetAgents();
        var seatsTask = grain.GetSeats();
        var zoneId = await db.Tenants.AsNoTracking().Where(t => t.Id == routing.TenantId).Select(t => t.TimeZone).SingleOrDefaultAsync(ct);
        var zone = TenantTimeZone.TryFind(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        var skills = await db.Skills.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var queues = (await db.Queues.AsNoTracking().ToListAsync(ct)).Select(q => new QueueInput(
            q.Id, q.Name, q.Channels, TimeSpan.FromSeconds(q.ServiceLevelTargetSeconds),
            new QueueThresholds(
                q.AlertContactsInQueueAmber, q.AlertContactsInQueueRed, q.AlertOldestContactAgeAmberSeconds, q.AlertOldestContactAgeRedSeconds,
                q.AlertServiceLevelAmberPercent, q.AlertServiceLevelRedPercent))).ToList();
        var now = time.GetUtcNow();
        var rows = await db.Agents.AsNoTracking().ToListAsync(ct);
        var registered = await AgentPhoneReach.RegisteredCredentialsAsync(db, rows, now, ct);
        var agents = rows.Select(a => new AgentInput(
            a.Id, a.DisplayName,
            a.Skills.Where(s => skills.ContainsKey(s.SkillId)).Select(s => $"{skills[s.SkillId]} ({s.Proficiency})").Order(StringComparer.Ordinal).ToList(),
            a.Capacities.ToDictionary(c => c.Channel, c => c.Capacity, StringComparer.Ordinal),
            PhoneOf(a, registered))).ToList();

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var start = StartOf(zone, day);
        var enteredToday = db.Interactions.AsNoTracking().Where(i => i.EnqueuedAt >= start);
        var placed = (await enteredToday.Where(PlacedCalls.IsPlaced).Select(i => i.Id).ToListAsync(ct)).ToHashSet();
        var today = (await enteredToday.Select(i => new TodayRecord(i.Id, i.QueueId, i.Channel, i.EnqueuedAt, i.AcceptedAt, i.Status, false)).ToListAsync(ct))
            .Select(r => placed.Contains(r.Id) ? r with { Placed = true } : r).ToList();

        var queueViews = await queueViewsTask;
        var waiting = await Task.WhenAll(queueViews.Where(v => v.Waiting > 0).Select(v => grain.GetWaiting(v.QueueId)));
        var agentViews = await agentViewsTask;
        var view = RealtimeMetricsCalculator.Compute(new DashboardInputs(
            now, queues, agents, queueViews, waiting.SelectMany(w => w).ToList(), agentViews, today, day, zone.Id, await CustomersAsync(agentViews, ct),
            calls.OnHold(routing.TenantId)));
        return view with { Seats = await seatsTask };
    }

    /// <summary>Whether a call can ring an agent who takes voice, by routing's own rule (<see cref="AgentPhoneReach.CanRing"/>); null when they take none.</summary>
    private static VoicePhone? PhoneOf(Agent agent, HashSet<Guid> registered) =>
        !agent.Capacities.Any(c => c.Channel == nameof(Parley.Routing.Channels.Channel.Voice) && c.Capacity > 0) ? null
        : AgentPhoneReach.CanRing(agent, registered) ? VoicePhone.Ready
        : agent.PhoneKind == AgentPhoneReach.Registered ? VoicePhone.Offline
        : VoicePhone.None;

    /// <summary>
    /// The customer of each interaction in the agents' hands, named from its attributes (<see cref="CustomerAttributes"/>):
    /// one read of those few rows' attributes, not of the day's.
    /// </summary>
    private async Task<Dictionary<Guid, string>> CustomersAsync(IReadOnlyList<AgentView> agents, CancellationToken ct)
    {
        var ids = agents.SelectMany(a => a.Work.Select(w => w.InteractionId).Concat(a.WrapUps.Select(w => w.InteractionId)))
            .Select(id => Guid.TryParse(id, out var guid) ? guid : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Interactions.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Attributes }).ToListAsync(ct);
        var customers = new Dictionary<Guid, string>();
        foreach (var row in rows)
        {
            var attributes = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Attributes) ?? [];
            if ((CustomerAttributes.NameOf(attributes) ?? CustomerAttributes.First(attributes, CustomerAttributes.AddressKeys)) is { } customer)
            {
                customers[row.Id] = customer;
            }
        }

        return customers;
    }

    /// <summary>Local midnight of <paramref name="day"/>; when a DST gap skips midnight, the end of the gap.</summary>
    public static DateTimeOffset StartOf(TimeZoneInfo zone, DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var offset = zone.IsInvalidTime(midnight) ? zone.GetUtcOffset(midnight.AddHours(-12))
            : zone.IsAmbiguousTime(midnight) ? zone.GetAmbiguousTimeOffsets(midnight).Max()
            : zone.GetUtcOffset(midnight);
        return new DateTimeOffset(midnight, offset).ToUniversalTime();
    }
}
