using Parley.Routing.Agents;
using Parley.Routing.Events;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;
using Parley.Routing.Timers;

namespace Parley.Routing;

/// <summary>
/// The ACD engine of one tenant: agents, queues, interactions and offers. Single-threaded and pure: it takes
/// commands, reads time only from the injected <see cref="TimeProvider"/>, and publishes every change as a
/// <see cref="RoutingEvent"/> to the sink. The host calls <see cref="Tick"/> from one heartbeat (or at
/// <see cref="NextDueAt"/>) so offer timeouts, wrap-up limits and waiting-time rules fire; every command also
/// runs the timers already due first, so results never depend on heartbeat jitter.
/// </summary>
public sealed partial class RoutingEngine
{
    private readonly TimeProvider _time;
    private readonly IRoutingEventSink _sink;
    private readonly Dictionary<AgentId, AgentRuntime> _agents = [];
    private readonly List<AgentRuntime> _agentList = [];
    private readonly Dictionary<QueueId, QueueRuntime> _queues = [];
    private readonly List<QueueRuntime> _queueList = [];
    private readonly Dictionary<InteractionId, InteractionRuntime> _interactions = [];
    private readonly TimerQueue _timers = new();
    private readonly List<QueueRuntime> _dirtyQueues = [];
    private readonly int[] _waitingByChannel = new int[Channels.ChannelInfo.Count];
    private long _now;
    private long _sequence;
    private long _linkSequence;
    private int _agentOrder;
    private bool _silent;

    public RoutingEngine(TimeProvider timeProvider, IRoutingEventSink sink, RoutingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(sink);
        _time = timeProvider;
        _sink = sink;
        Options = options ?? new RoutingOptions();
        _now = _time.GetUtcNow().UtcTicks;
    }

    public RoutingOptions Options { get; }

    /// <summary>Interactions not yet ended (waiting, offered or active).</summary>
    public int InteractionCount => _interactions.Count;

    public int AgentCount => _agentList.Count;

    public int QueueCount => _queueList.Count;

    private DateTimeOffset NowOffset => new(_now, TimeSpan.Zero);

    private static DateTimeOffset ToOffset(long ticks) => new(ticks, TimeSpan.Zero);

    /// <summary>Reads the clock and fires every timer already due. Every public command starts here.</summary>
    private void Begin()
    {
        var now = _time.GetUtcNow().UtcTicks;
        if (now > _now)
        {
            _now = now;
        }

        RunDueTimers();
    }

    private void Emit(RoutingEvent routingEvent)
    {
        if (!_silent)
        {
            _sink.Publish(routingEvent);
        }
    }

    private void MarkDirty(QueueRuntime queue)
    {
        if (!queue.Dirty)
        {
            queue.Dirty = true;
            _dirtyQueues.Add(queue);
        }
    }
}
