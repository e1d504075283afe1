namespace Parley.Voice.Calls;

/// <summary>How calls to tenants' numbers are handled on this node.</summary>
public sealed class InboundCallOptions
{
    /// <summary>This node's id, written on every call record (start-up closes this node's open records).</summary>
    public string NodeId { get; set; } = Environment.MachineName;

    /// <summary>How long past the offer's expiry a ringing agent phone is given before Parley cancels it itself.</summary>
    public TimeSpan RingGrace { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Calls to numbers this node holds at once; beyond it new calls get 486.</summary>
    public int MaxConcurrentCalls { get; set; } = 10_000;
}
