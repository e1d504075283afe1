using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Parley.Media.Scheduling;

/// <summary>
/// The one heartbeat of the media engine: a single scheduler over <see cref="TimeProvider"/> that serves every
/// registered stream once per frame (20 ms). Streams are spread over <see cref="MediaClockOptions.SlotsPerFrame"/>
/// phase slots (the least-loaded slot on registration), so 2,000 streams become ~100 sends every millisecond rather
/// than 2,000 at once every 20 ms. Deadlines are absolute (origin + n × slot), so the clock never drifts; lateness of
/// every served stream is recorded in <see cref="SendJitter"/>.
/// <para>
/// With <see cref="MediaClockOptions.Lanes"/> &gt; 1 the slots are replicated per lane and each lane has its own
/// thread (one per core on a dedicated media node), all sharing the same origin. With <see cref="TimeProvider.System"/>
/// each lane runs on its own thread; with any other provider (tests) one loop awaits
/// <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/>. <see cref="RunDue"/> serves whatever is due
/// right now and is what the loops call.
/// </para>
/// </summary>
public sealed class MediaClock : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly MediaClockLane[] _lanes;
    private readonly int _slotsPerFrame;
    private readonly ClockThreadPriority _wantedPriority;
    private long _origin = -1;
    private int _streamCount;
    private CancellationTokenSource? _stop;
    private Task? _loop;

    public MediaClock(TimeProvider time, MediaClockOptions? options = null, ILogger<MediaClock>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        options ??= new MediaClockOptions();
        options.Validate();
        _time = time;
        Logger = logger ?? NullLogger<MediaClock>.Instance;
        FrameDuration = options.FrameDuration;
        _slotsPerFrame = options.SlotsPerFrame;
        var frameTicks = (long)(options.FrameDuration.TotalSeconds * time.TimestampFrequency);
        SlotTicks = Math.Max(1, frameTicks / _slotsPerFrame);
        MaxCatchUpTicks = (long)(options.MaxCatchUp.TotalSeconds * time.TimestampFrequency);
        MicrosPerTick = 1_000_000.0 / time.TimestampFrequency;
        _wantedPriority = options.ThreadPriority;
        _lanes = new MediaClockLane[options.Lanes];
        for (var i = 0; i < _lanes.Length; i++)
        {
            _lanes[i] = new MediaClockLane(this, _slotsPerFrame);
        }
    }

    public TimeSpan FrameDuration { get; }

    public int Lanes => _lanes.Length;

    public int StreamCount => Volatile.Read(ref _streamCount);

    /// <summary>Lateness of each stream's service against its ideal time: the send jitter of the engine.</summary>
    public LatencyHistogram SendJitter { get; } = new();

    public long FramesServed
    {
        get
        {
            long total = 0;
            foreach (var lane in _lanes)
            {
                total += lane.FramesServed;
            }

            return total;
        }
    }

    /// <summary>How many times a lane fell more than MaxCatchUp behind and skipped ahead.</summary>
    public long Overruns
    {
        get
        {
            long total = 0;
            foreach (var lane in _lanes)
            {
                total += lane.Overruns;
            }

            return total;
        }
    }

    /// <summary>The priority the (first) lane thread actually got (Normal until it starts, or when not permitted).</summary>
    public ClockThreadPriority AppliedPriority => _lanes[0].AppliedPriority;

    public bool IsRunning => _loop is { IsCompleted: false };

    /// <summary>The timestamp at which the next slot of any lane is due.</summary>
    public long NextDue
    {
        get
        {
            if (_origin < 0)
            {
                return _time.GetTimestamp();
            }

            var next = long.MaxValue;
            foreach (var lane in _lanes)
            {
                next = Math.Min(next, lane.NextDue);
            }

            return next;
        }
    }

    internal TimeProvider Time => _time;

    internal ILogger Logger { get; }

    internal long Origin => _origin;

    internal long SlotTicks { get; }

    internal long MaxCatchUpTicks { get; }

    internal double MicrosPerTick { get; }

    /// <summary>Adds a stream to the least-loaded lane and phase slot; dispose the registration to remove it.</summary>
    public MediaClockRegistration Register(IPacedStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        lock (_lock)
        {
            var bestLane = 0;
            var bestSlot = 0;
            var bestLength = int.MaxValue;
            for (var slot = 0; slot < _slotsPerFrame; slot++)
            {
                for (var lane = 0; lane < _lanes.Length; lane++)
                {
                    var length = _lanes[lane].SlotLength(slot);
                    if (length < bestLength)
                    {
                        bestLength = length;
                        bestLane = lane;
                        bestSlot = slot;
                    }
                }
            }

            _lanes[bestLane].Add(bestSlot, stream);
            _streamCount++;
            return new MediaClockRegistration(this, stream, bestLane, bestSlot);
        }
    }

    internal void Unregister(IPacedStream stream, int lane, int slot)
    {
        lock (_lock)
        {
            if (_lanes[lane].Remove(slot, stream))
            {
                _streamCount--;
            }
        }
    }

    /// <summary>Serves every slot of every lane whose time has come; returns the number of slots served.</summary>
    public int RunDue()
    {
        var now = EnsureOrigin();
        var served = 0;
        foreach (var lane in _lanes)
        {
            served += lane.RunDue(now);
        }

        return served;
    }

    /// <summary>Starts the loop (idempotent).</summary>
    public void Start()
    {
        lock (_lock)
        {
            if (_loop is not null)
            {
                return;
            }

            _stop = new CancellationTokenSource();
            var token = _stop.Token;
            if (_time == TimeProvider.System)
            {
                EnsureOrigin();
                var done = new Task[_lanes.Length];
                for (var i = 0; i < _lanes.Length; i++)
                {
                    var lane = _lanes[i];
                    var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    var thread = new Thread(() => RunThread(lane, token, completion))
                    {
                        IsBackground = true,
                        Name = "Parley media clock " + i,
                        Priority = ThreadPriority.AboveNormal,
                    };
                    thread.Start();
                    done[i] = completion.Task;
                }

                _loop = Task.WhenAll(done);
            }
            else
            {
                _loop = Task.Run(() => RunAsync(token), CancellationToken.None);
            }
        }
    }

    /// <summary>Stops the loop and waits for it; safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        Task? loop;
        CancellationTokenSource? stop;
        lock (_lock)
        {
            loop = _loop;
            stop = _stop;
            _stop = null;
        }

        if (stop is null)
        {
            return;
        }

        await stop.CancelAsync().ConfigureAwait(false);
        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }

        stop.Dispose();
    }

    internal long Due(long slot) => _origin + (slot * SlotTicks);

    private long EnsureOrigin()
    {
        var now = _time.GetTimestamp();
        if (Volatile.Read(ref _origin) < 0)
        {
            Interlocked.CompareExchange(ref _origin, now, -1);
        }

        return now;
    }

    private void RunThread(MediaClockLane lane, CancellationToken token, TaskCompletionSource done)
    {
        lane.AppliedPriority = ThreadPriorityNative.TryApplyToCurrentThread(_wantedPriority);
        try
        {
            while (!token.IsCancellationRequested)
            {
                lane.RunDue(_time.GetTimestamp());
                var wait = _time.GetElapsedTime(_time.GetTimestamp(), lane.NextDue);
                if (wait > TimeSpan.Zero)
                {
                    // Linux sleeps ~1.06 ms for 1 ms; slots are 1 ms apart, so this keeps lateness near 1 ms without spinning.
                    Thread.Sleep(Math.Max(1, (int)wait.TotalMilliseconds));
                }
            }
        }
        finally
        {
            done.TrySetResult();
        }
    }

    private async Task RunAsync(CancellationToken token)
    {
        try
        {
            while (!token.IsCancellationRequested)
            {
                RunDue();
                var wait = _time.GetElapsedTime(_time.GetTimestamp(), NextDue);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }
}
