namespace Parley.Sip.Transactions;

/// <summary>
/// The one scheduler behind every transaction and dialog timer: a priority queue of due times driven by a
/// single heartbeat timer over <see cref="TimeProvider"/>. Cancelled entries are dropped lazily.
/// </summary>
public sealed class SipTimerScheduler : IDisposable
{
    private readonly TimeProvider _time;
    private readonly ITimer _heartbeat;
    private readonly PriorityQueue<SipTimer, long> _queue = new();
    private readonly Lock _lock = new();
    private readonly List<SipTimer> _due = [];
    private int _ticking;

    public SipTimerScheduler(TimeProvider time, TimeSpan tick)
    {
        _time = time;
        _heartbeat = time.CreateTimer(static s => ((SipTimerScheduler)s!).Tick(), this, tick, tick);
    }

    /// <summary>Number of pending (possibly cancelled) entries.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    public TimeProvider TimeProvider => _time;

    /// <summary>Runs <paramref name="callback"/> once after <paramref name="delay"/>.</summary>
    public SipTimer Schedule(TimeSpan delay, Action<object?> callback, object? state)
    {
        var due = NowMs() + (long)delay.TotalMilliseconds;
        var timer = new SipTimer(callback, state) { DueMs = due };
        lock (_lock)
        {
            _queue.Enqueue(timer, due);
        }

        return timer;
    }

    /// <summary>Fires every due entry. Called by the heartbeat; public for tests and hosts that drive time.</summary>
    public void Tick()
    {
        if (Interlocked.Exchange(ref _ticking, 1) == 1)
        {
            return;
        }

        try
        {
            var now = NowMs();
            lock (_lock)
            {
                while (_queue.TryPeek(out var t, out var due) && due <= now)
                {
                    _queue.Dequeue();
                    if (!t.IsCancelled)
                    {
                        _due.Add(t);
                    }
                }
            }

            foreach (var t in _due)
            {
                t.Fire();
            }

            _due.Clear();
        }
        finally
        {
            Volatile.Write(ref _ticking, 0);
        }
    }

    /// <summary>How long until <paramref name="timer"/> is due (negative when overdue); null once it fired or was cancelled.</summary>
    public TimeSpan? TimeUntil(SipTimer timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return timer.IsCancelled ? null : TimeSpan.FromMilliseconds(timer.DueMs - NowMs());
    }

    public void Dispose() => _heartbeat.Dispose();

    private long NowMs() => (long)_time.GetElapsedTime(0, _time.GetTimestamp()).TotalMilliseconds;
}
