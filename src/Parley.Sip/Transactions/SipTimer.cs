namespace Parley.Sip.Transactions;

/// <summary>A handle to one scheduled callback; <see cref="Cancel"/> is cheap and idempotent.</summary>
public sealed class SipTimer
{
    private readonly Action<object?> _callback;
    private readonly object? _state;
    private volatile bool _cancelled;

    internal SipTimer(Action<object?> callback, object? state)
    {
        _callback = callback;
        _state = state;
    }

    public bool IsCancelled => _cancelled;

    public void Cancel() => _cancelled = true;

    internal void Fire()
    {
        if (!_cancelled)
        {
            _cancelled = true;
            _callback(_state);
        }
    }
}
