namespace Parley.Sip.Transactions;

/// <summary>RFC 3261 §17 base timers. Every other timer derives from these.</summary>
public sealed class SipTimerOptions
{
    /// <summary>RTT estimate. Default 500 ms.</summary>
    public TimeSpan T1 { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Maximum retransmit interval for non-INVITE requests and INVITE responses. Default 4 s.</summary>
    public TimeSpan T2 { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Maximum time a message stays in the network. Default 5 s.</summary>
    public TimeSpan T4 { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Heartbeat of the shared scheduler. Default 10 ms.</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>64*T1: timers B, F, H, J (unreliable), L and M.</summary>
    public TimeSpan TimeoutInterval => T1 * 64;
}
