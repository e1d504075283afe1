using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Parley.Cluster.Routing.Ports;
using Parley.Cluster.Routing.Watching;
using Parley.Routing;
using Parley.Routing.Events;

namespace Parley.Cluster.Routing;

/// <summary>
/// Hosts one tenant's <see cref="RoutingEngine"/>. The grain is reentrant, but Orleans still runs one turn at a time
/// on one thread, and every engine call happens inside a single turn (never across an await), so the
/// single-threaded engine needs no locks. Every command ends in <see cref="CompleteAsync"/>: its durable effects and
/// the events it produced (history, webhook deliveries) join the open change set, which is saved through the store in
/// one write with every other command that arrived meanwhile (group commit); the reply waits for that write, then the
/// events go to the publisher for live fan-out. Queries interleave with saves and read committed state
/// (<see cref="CommittedViews"/>). One grain timer is the engine's heartbeat; it resets "today" statistics at the
/// tenant's local midnight (<see cref="DailyRollover"/>).
/// </summary>
[Reentrant]
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
    private readonly CommittedViews _committed = new();
    private readonly SemaphoreSlim _reloads = new(1, 1);
    private RoutingEngine _engine = null!;
    private Guid _tenantId;
    private long _sequence;
    private long _epoch;
    private IGrainTimer? _heartbeat;
    private DailyRollover _rollover = null!;
    private CommitBatch _open = new();
    private CommitBatch? _inFlight;
    private bool _writing;
    private Exception? _broken;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _tenantId = this.GetPrimaryKey();
        _epoch = await store.ClaimAsync(_tenantId, cancellationToken);
        _engine = new RoutingEngine(time, _events, options.Value.ToEngineOptions());
        _rollover = new DailyRollover(await LoadZoneAsync(cancellationToken), time.GetUtcNow());
        _seatLimits = await plans.LoadSeatLimitsAsync(_tenantId, cancellationToken);
        var data = await store.LoadAsync(_tenantId, cancellationToken);
        _sequence = data.LastSequence;
        var dropped = Rebuild(data);
        Log.Activated(logger, _tenantId, _epoch, _queueIds.Count, _agentIds.Count, data.State.Waiting.Count, data.State.Active.Count, dropped);
        CaptureAll();
        await CompleteAsync(RoutingResult.Ok, null, null);
        var period = options.Value.Heartbeat;
        _heartbeat = this.RegisterGrainTimer(
            static (grain, _) => grain.HeartbeatAsync(),
            this,
            new GrainTimerCreationOptions(period, period) { KeepAlive = true, Interleave = true });
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

    /// <summary>
    /// Joins the command's durable effects and events to the open change set and waits until that set is committed
    /// (see <see cref="CommitLoopAsync"/>); the caller is acknowledged only then. Must be called in the same turn as
    /// the engine call it completes, so that the set's end is the engine's state when the set is sealed.
    /// </summary>
    private async Task<RoutingResult> CompleteAsync(
        RoutingResult result, NewInteraction? added, string? touchedAgent, string? reloadedAgent = null, bool reloadedQueue = false)
    {
        if (_events.Count == 0 && added is null && touchedAgent is null && reloadedAgent is null && !reloadedQueue)
        {
            return result;
        }

        if (_broken is { } failure)
        {
            // An earlier change set failed: the engine is ahead of the database and is being rebuilt, or another
            // activation owns the tenant now (worth retrying: the retry reaches it).
            throw failure is RoutingOwnershipLostException
                ? new RoutingOwnershipLostException(_tenantId, _epoch, failure)
                : new InvalidOperationException($"Routing of tenant {_tenantId} is rebuilding after a failed save.", failure);
        }

        var events = _events.Drain();
        var changes = ChangeSet.From(events, added, touchedAgent, _engine, time.GetUtcNow());
        var batch = _open;
        batch.Add(changes, events, touchedAgent ?? reloadedAgent);
        if (!_writing)
        {
            _writing = true;
            _ = CommitLoopAsync();
        }

        await batch.Committed;
        return result;
    }
}
