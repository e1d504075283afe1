namespace Parley.Sip.Admission;

/// <summary>
/// A token bucket on a <see cref="TimeProvider"/>'s timestamps: <c>rate</c> tokens a second up to <c>capacity</c>, full
/// at first. Not thread-safe (the admission controller calls it under its lock). System.Threading.RateLimiting's
/// TokenBucketRateLimiter cannot run on a <see cref="TimeProvider"/> (dotnet/runtime#106447), so a fake clock could not drive it.
/// </summary>
public sealed class SipTokenBucket
{
    private readonly TimeProvider _time;
    private double _tokens;
    private long _stamp;

    public SipTokenBucket(double rate, double capacity, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentNullException.ThrowIfNull(time);
        Rate = rate;
        Capacity = capacity;
        _time = time;
        _tokens = capacity;
        _stamp = time.GetTimestamp();
    }

    public double Rate { get; }

    public double Capacity { get; }

    /// <summary>Tokens in the bucket now.</summary>
    public double Level
    {
        get
        {
            Refill();
            return _tokens;
        }
    }

    /// <summary>True when a whole token is there (takes nothing).</summary>
    public bool HasToken => Level >= 1;

    /// <summary>True when the bucket has refilled completely (an idle bucket can be forgotten).</summary>
    public bool IsFull => Level >= Capacity;

    /// <summary>Takes one token; false (nothing taken) when the bucket has less than one.</summary>
    public bool TryTake()
    {
        if (!HasToken)
        {
            return false;
        }

        _tokens -= 1;
        return true;
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = (now - _stamp) / (double)_time.TimestampFrequency;
        if (elapsed <= 0)
        {
            return;
        }

        _tokens = Math.Min(Capacity, _tokens + (elapsed * Rate));
        _stamp = now;
    }
}
