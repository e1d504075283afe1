namespace Parley.Voice.Recording;

/// <summary>
/// The one clock of a node's call recordings: every 20 ms it writes to each active <see cref="CallRecorder"/> the frames
/// due since that recording started (catching up after a late tick), so 500 recordings run on one timer rather than 500.
/// It runs on the thread pool — below the media clock's thread, which it never competes with for a lock — and only while
/// recordings are active. A recording whose file fails stops being written; its call finds out when it finishes it.
/// </summary>
public sealed class RecordingClock(TimeProvider time)
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);

    private readonly Lock _lock = new();
    private readonly Dictionary<CallRecorder, Clocked> _recorders = [];
    private Clocked[]? _snapshot;
    private bool _running;

    /// <summary>Recordings the clock writes now.</summary>
    public int Active
    {
        get
        {
            lock (_lock)
            {
                return _recorders.Count;
            }
        }
    }

    /// <summary>Starts writing <paramref name="recorder"/>'s frames, counted from now.</summary>
    public void Add(CallRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        lock (_lock)
        {
            _recorders[recorder] = new Clocked(recorder, time.GetTimestamp());
            _snapshot = null;
            if (!_running)
            {
                _running = true;
                var timer = new PeriodicTimer(Frame, time);
                _ = Task.Run(() => RunAsync(timer));
            }
        }
    }

    /// <summary>
    /// Stops writing <paramref name="recorder"/>'s frames (before the call finishes it), after writing every frame due
    /// by now: when the clock runs late (a busy machine, a starved thread pool) the file still has its call's length.
    /// </summary>
    public void Remove(CallRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        Clocked? removed;
        lock (_lock)
        {
            if (!_recorders.Remove(recorder, out removed))
            {
                return;
            }

            _snapshot = null;
        }

        removed.WriteDue(time);
    }

    private async Task RunAsync(PeriodicTimer timer)
    {
        using (timer)
        {
            while (await timer.WaitForNextTickAsync().ConfigureAwait(false))
            {
                Clocked[] recorders;
                lock (_lock)
                {
                    if (_recorders.Count == 0)
                    {
                        _running = false;
                        return;
                    }

                    recorders = _snapshot ??= [.. _recorders.Values];
                }

                foreach (var recorder in recorders)
                {
                    if (!recorder.WriteDue(time))
                    {
                        Drop(recorder.Recorder);
                    }
                }
            }
        }
    }

    /// <summary>Stops writing a recording whose file failed (its call finds out when it finishes it).</summary>
    private void Drop(CallRecorder recorder)
    {
        lock (_lock)
        {
            if (_recorders.Remove(recorder))
            {
                _snapshot = null;
            }
        }
    }

    /// <summary>
    /// One recording on the clock: when it started and how many frames it has had. Its own lock keeps the clock's
    /// tick and <see cref="Remove"/>'s last catch-up from writing the same frame twice.
    /// </summary>
    private sealed class Clocked(CallRecorder recorder, long startedAt)
    {
        private readonly Lock _lock = new();
        private long _written;

        public CallRecorder Recorder => recorder;

        /// <summary>Writes every frame due by now; false when the file failed.</summary>
        public bool WriteDue(TimeProvider time)
        {
            lock (_lock)
            {
                var due = (long)(time.GetElapsedTime(startedAt).TotalMilliseconds / Frame.TotalMilliseconds);
                try
                {
                    for (; _written < due; _written++)
                    {
                        recorder.Tick();
                    }

                    return true;
                }
                catch (Exception ex) when (ex is IOException or ObjectDisposedException or UnauthorizedAccessException)
                {
                    return false;
                }
            }
        }
    }
}
