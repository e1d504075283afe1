namespace Parley.Sip.Admission;

/// <summary>One admission limit: a calls-per-second token bucket and a concurrent-call cap. Zero switches a part off.</summary>
public sealed class SipAdmissionLimit
{
    /// <summary>New calls admitted per second on average (the bucket's refill rate); 0 = no rate limit. Default 0.</summary>
    public double CallsPerSecond { get; set; }

    /// <summary>Calls admitted at once from a full bucket (its capacity); 0 = one second of <see cref="CallsPerSecond"/>. Default 0.</summary>
    public int Burst { get; set; }

    /// <summary>Calls (ringing or answered) held at once; 0 = no cap. Default 0.</summary>
    public int MaxConcurrentCalls { get; set; }

    /// <summary>The bucket's capacity: <see cref="Burst"/>, else one second of calls (at least one).</summary>
    public double Capacity => Burst > 0 ? Burst : Math.Max(1, Math.Ceiling(CallsPerSecond));

    /// <summary>Throws when a value is out of range; <paramref name="name"/> prefixes the message.</summary>
    public void Validate(string name)
    {
        if (double.IsNaN(CallsPerSecond) || CallsPerSecond < 0 || CallsPerSecond > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(CallsPerSecond), CallsPerSecond, $"{name}:CallsPerSecond must be between 0 and 1000000.");
        }

        if (Burst < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Burst), Burst, $"{name}:Burst must be 0 or more.");
        }

        if (MaxConcurrentCalls < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrentCalls), MaxConcurrentCalls, $"{name}:MaxConcurrentCalls must be 0 or more.");
        }
    }
}
