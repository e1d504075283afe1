namespace Parley.Sip.Transactions;

/// <summary>
/// A handle to one scheduled callback; <see cref="Cancel"/> is cheap and idempotent. A cancelled timer lets go of its
/// callback and state at once (it stays queued until its due time, but holds nothing: no dialog, no 2xx bytes).
/// </summary>
public sealed class SipTimer
{
    private Action<object?>? _callback;
    private object? _state;

    internal SipTimer(Action<object?> callback, object? state)
    {
        _callback = callback;
        _state = state;
    }

    /// <summary>When it is due, in the milliseconds of its <see cref="SipTimerScheduler"/>.</summary>
    internal long DueMs { get; init; }

    /// <summary>True once cancelled or fired.</summary>
    public bool IsCancelled => Volatile.Read(ref _callback) is null;

    public void Cancel()
    {
        Volatile.Write(ref _callback, null);
        Volatile.Write(ref _state, null);
    }

    internal void Fire()
    {
        var state = Volatile.Read(ref _state);
        var callback = Interlocked.Exchange(ref _callback, null);
        if (callback is not null)
        {
            _state = null;
            callback(state);
        }
    }
}
