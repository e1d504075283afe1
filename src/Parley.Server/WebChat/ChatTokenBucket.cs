namespace Parley.Server.WebChat;

/// <summary>
/// A token bucket refilled lazily from the clock when asked (no timer per session: the library's auto-replenishing
/// limiters would start one per bucket, and there can be tens of thousands of sessions). Thread-safe.
/// </summary>
internal sealed class ChatTokenBucket(double perSecond, int burst, TimeProvider time)
{
    private readonly Lock _lock = new();
    private double _tokens = burst;
    private long _last = time.GetTimestamp();

    public long LastUsed => Volatile.Read(ref _last);

    /// <summary>Takes a token, or answers how long until one is there.</summary>
    public bool TryTake(out TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(burst, _tokens + (time.GetElapsedTime(_last, now).TotalSeconds * perSecond));
            _last = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = TimeSpan.FromSeconds((1 - _tokens) / perSecond);
            return false;
        }
    }
}
