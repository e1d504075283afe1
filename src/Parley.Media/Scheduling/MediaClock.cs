using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Parley.Media.Scheduling;

/// <summary>
/// The one heartbeat of the media engine: a single loop over <see cref="TimeProvider"/> that serves every
/// registered stream once per frame (20 ms). Streams are spread over <see cref="MediaClockOptions.SlotsPerFrame"/>
/// phase slots (the least-loaded slot on registration), so 2,000 streams become ~100 sends every millisecond rather
/// than 2,000 at once every 20 ms. Deadlines are absolute (origin + n × slot), so the clock never drifts; lateness of
/// every served stream is recorded in <see cref="SendJitter"/>.
/// <para>
/// With <see cref="TimeProvider.System"/> the loop runs on its own thread; with any other provider (tests) it awaits
/// <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/>. <see cref="RunDue"/> serves whatever is due
/// right now and is what both loops call.
/// </para>
/// </summary>
public sealed class MediaClock : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly IPacedStream[][] _slots;
    private readonly long[] _lastFrame;
    private readonly long _slotTicks;
    private readonly long _maxCatchUpTicks;
    private readonly int _slotsPerFrame;
    private readonly double _microsPerTick;
    private readonly ClockThreadPriority _wantedPriority;
    private long _origin = -1;
    private long _nextSlot;
    private int _streamCount;
    private CancellationTokenSource? _stop;
    private Task? _loop;

    public MediaClock(TimeProvider time, MediaClockOptions? options = null, ILogger<MediaClock>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        options ??= new MediaClockOptions();
        options.Validate();
        _time = time;
        _logger = logger ?? NullLogger<MediaClock>.Instance;
        FrameDuration = options.FrameDuration;
        _slotsPerFrame = options.SlotsPerFrame;
        _slots = new IPacedStream[_slotsPerFrame][];
        _lastFrame = new long[_slotsPerFrame];
        for (var i = 0; i < _slots.Length; i++)
        {
            _slots[i] = [];
            _lastFrame[i] = -1;
        }

        var frameTicks = (long)(options.FrameDuration.TotalSeconds * time.TimestampFrequency);
        _slotTicks = Math.Max(1, frameTicks / _slotsPerFrame);
        _maxCatchUpTicks = (long)(options.MaxCatchUp.TotalSeconds * time.TimestampFrequency);
        _microsPerTick = 1_000_000.0 / time.TimestampFrequency;
        _wantedPriority = options.ThreadPriority;
    }

    /// <summary>The priority the clock thread actually got (Normal until it starts, or when not permitted).</summary>
    public ClockThreadPriority AppliedPriority { get; private set; }

    public TimeSpan FrameDuration { get; }

    public int StreamCount => Volatile.Read(ref _streamCount);

    /// <summary>Lateness of each stream's service against its ideal time: the send jitter of the engine.</summary>
    public LatencyHistogram SendJitter { get; } = new();

    public long FramesServed { get; private set; }

    /// <summary>How many times the clock fell more than MaxCatchUp behind and skipped ahead.</summary>
    public long Overruns { get; private set; }

    public bool IsRunning => _loop is { IsCompleted: false };

    /// <summary>Adds a stream to the least-loaded phase slot; dispose the registration to remove it.</summary>
    public MediaClockRegistration Register(IPacedStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        lock (_lock)
        {
            var best = 0;
            for (var i = 1; i < _slots.Length; i++)
            {
                if (_slots[i].Length < _slots[best].Length)
                {
                    best = i;
                }
            }

            var current = _slots[best];
            var next = new IPacedStream[current.Length + 1];
            current.CopyTo(next, 0);
            next[^1] = stream;
            Volatile.Write(ref _slots[best], next);
            _streamCount++;
            return new MediaClockRegistration(this, stream, best);
        }
    }

    internal void Unregister(IPacedStream stream, int slot)
    {
        lock (_lock)
        {
            var current = _slots[slot];
            var index = Array.IndexOf(current, stream);
            if (index < 0)
            {
                return;
            }

            var next = new IPacedStream[current.Length - 1];
            Array.Copy(current, 0, next, 0, index);
            Array.Copy(current, index + 1, next, index, current.Length - index - 1);
            Volatile.Write(ref _slots[slot], next);
            _streamCount--;
        }
    }

    /// <summary>The timestamp at which the next slot is due.</summary>
    public long NextDue => _origin < 0 ? _time.GetTimestamp() : _origin + (_nextSlot * _slotTicks);

    /// <summary>Serves every slot whose time has come; returns the number of slots served. Clock thread only.</summary>
    public int RunDue()
    {
        var now = _time.GetTimestamp();
        if (_origin < 0)
        {
            _origin = now;
        }

        var behind = now - Due(_nextSlot);
        if (behind > _maxCatchUpTicks)
        {
            var target = (now - _origin) / _slotTicks;
            Overruns++;
            _logger.ClockOverrun(behind * _microsPerTick / 1000.0, target - _nextSlot);
            _nextSlot = target;
        }

        var served = 0;
        while (Due(_nextSlot) <= now)
        {
            Serve(_nextSlot);
            _nextSlot++;
            served++;
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
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var thread = new Thread(() => RunThread(token, done)) { IsBackground = true, Name = "Parley media clock", Priority = ThreadPriority.AboveNormal };
                thread.Start();
                _loop = done.Task;
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

    private long Due(long slot) => _origin + (slot * _slotTicks);

    private void Serve(long globalSlot)
    {
        var slot = (int)(globalSlot % _slotsPerFrame);
        var frame = globalSlot / _slotsPerFrame;
        var due = Due(globalSlot);
        var skipped = _lastFrame[slot] < 0 ? 0 : (int)Math.Min(int.MaxValue, frame - _lastFrame[slot] - 1);
        _lastFrame[slot] = frame;
        var streams = Volatile.Read(ref _slots[slot]);
        var tick = new MediaTick(frame, due, skipped);
        for (var i = 0; i < streams.Length; i++)
        {
            try
            {
                streams[i].OnFrame(tick);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _logger.StreamFailed(frame, ex);
            }

            SendJitter.RecordMicros((long)((_time.GetTimestamp() - due) * _microsPerTick));
        }

        FramesServed += streams.Length;
    }

    private void RunThread(CancellationToken token, TaskCompletionSource done)
    {
        AppliedPriority = ThreadPriorityNative.TryApplyToCurrentThread(_wantedPriority);
        try
        {
            while (!token.IsCancellationRequested)
            {
                RunDue();
                var wait = _time.GetElapsedTime(_time.GetTimestamp(), NextDue);
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
