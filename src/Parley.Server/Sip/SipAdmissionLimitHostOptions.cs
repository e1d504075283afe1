using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Sip;

/// <summary>One admission limit in configuration: calls per second (token bucket), burst and concurrent calls; 0 = off.</summary>
public sealed class SipAdmissionLimitHostOptions
{
    /// <summary>New calls per second (the bucket's refill rate); 0 = no rate limit.</summary>
    [Range(0, 1_000_000)]
    public double CallsPerSecond { get; set; }

    /// <summary>Calls admitted at once from a full bucket; 0 = one second of <see cref="CallsPerSecond"/>.</summary>
    [Range(0, 1_000_000)]
    public int Burst { get; set; }

    /// <summary>Calls held at once (ringing or answered); 0 = no cap.</summary>
    [Range(0, 10_000_000)]
    public int MaxConcurrentCalls { get; set; }
}
