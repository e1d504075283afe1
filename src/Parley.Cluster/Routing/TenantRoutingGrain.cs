using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Parley.Cluster.Routing.Ports;
using Parley.Cluster.Routing.Watching;
using Parley.Routing;
using Parley.Routing.Events;

namespace Parley.Cluster.Routing;

/// <summary>
/// Hosts one tenant's <see cref="RoutingEngine"/>. Orleans runs one call at a time, so the single-threaded engine
/// needs no locks. Every command ends in <see cref="CompleteAsync"/>: its durable effects and the events it produced
/// (history, webhook deliveries) are saved through the store in one write before the reply, then the events go to
/// the publisher for live fan-out. One grain timer is the engine's heartbeat; it resets "today" statistics at the
/// tenant's local midnight (<see cref="DailyRollover"/>).
/// </summary>
internal sealed partial class TenantRoutingGrain(
    IRoutingStore store,
    IRoutingEventPublisher publisher,
    ITenantTimeZoneSource timeZones,
    ITenantPlanSource plans,
    TimeProvider time,
    IOptions<RoutingHostOptions> options,
    ILogger<TenantRoutingGrain> logger) : Grain, ITenantRoutingGrain
{
    private readonly RoutingEventBuffer _events = new();
    private readonly InteractionWatchers _watchers = new();
    private readonly HashSet<string> _agentIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _queueIds = new(StringComparer.Ordinal);
    private RoutingEngine _engine = null!;
    private Guid _tenantId;
    private long _sequence;
    private IGrainTimer? _heartbeat;
    private DailyRollover _rollover = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _tenantId = this.GetPrimaryKey();
        _engine = new RoutingEngine(time, _events, options.Value.ToEngineOptions());
        _rollover = new DailyRollover(await LoadZoneAsync(cancellationToken), time.GetUtcNow());
        _seatLimits = await plans.LoadSeatLimitsAsync(_tenantId, cancellationToken);
        var data = await store.LoadAsync(_tenantId, cancellationToken);
        _sequence = data.LastSequence;
        var dropped = Rebuild(data);
        Log.Activated(logger, _tenantId, _queueIds.Count, _agentIds.Count, data.State.Waiting.Count, data.State.Active.Count, dropped);
        await CompleteAsync(RoutingResult.Ok, null, null);
        var period = options.Value.Heartbeat;
        _heartbeat = this.RegisterGrainTimer(
            static (grain, _) => grain.HeartbeatAsync(),
            this,
            new GrainTimerCreationOptions(period, period) { KeepAlive = true, Interleave = false });
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _heartbeat?.Dispose();
        Log.Deactivated(logger, _tenantId, reason.ReasonCode.ToString());
        return Task.CompletedTask;
    }

    public Task Tick() => HeartbeatAsync();

    private Task HeartbeatAsync()
    {
        if (_rollover.Crossed(time.GetUtcNow()))
        {
            _engine.ResetDailyStatistics();
        }

        _engine.Tick();
        return CompleteAsync(RoutingResult.Ok, null, null);
    }

    /// <summary>Saves the durable effects and the record of the events the last command produced, then publishes them.</summary>
    private async Task<RoutingResult> CompleteAsync(RoutingResult result, NewInteraction? added, string? touchedAgent)
    {
        if (_events.Count == 0 && added is null && touchedAgent is null)
        {
            return result;
        }

        var events = _events.Drain();
        var changes = ChangeSet.From(events, added, touchedAgent, _engine, time.GetUtcNow());
        if (!changes.IsEmpty)
        {
            try
            {
                await store.SaveAsync(_tenantId, changes, CancellationToken.None);
            }
            catch (Exception exception)
            {
                // The engine is now ahead of the database: forget it and rebuild from what is durable.
                Log.SaveFailed(logger, exception, _tenantId);
                DeactivateOnIdle();
                throw;
            }
        }

        if (events.Length > 0)
        {
            publisher.Publish(_tenantId, events);
            _watchers.Notify(events);
        }

        return result;
    }
}
