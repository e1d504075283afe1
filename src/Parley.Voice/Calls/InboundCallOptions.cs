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

    /// <summary>The <c>Retry-After</c> of the 503 a call gets when no RTP port pair is free. Default 5 s.</summary>
    public TimeSpan PortsFullRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Records every answered call (<c>Parley:Calls:Record</c>, off by default) as a stereo WAV under
    /// <see cref="RecordingsDirectory"/>. The per-queue and per-flow policy is not built yet.
    /// </summary>
    public bool Record { get; set; }

    /// <summary>
    /// Where recordings are written: <c>{dir}/{tenantId}/{yyyy-MM-dd}/{callId}.wav</c>. The server sets it to
    /// <c>{DataDirectory}/recordings</c> unless configured.
    /// </summary>
    public string? RecordingsDirectory { get; set; }

    /// <summary>
    /// The longest message a caller whose queue overflows to voicemail may leave (<c>Parley:Calls:OverflowVoicemailMaxLength</c>);
    /// a flow's voicemail block sets its own. Default 2 minutes; 5 s to 10 minutes.
    /// </summary>
    public TimeSpan OverflowVoicemailMaxLength { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Throws on an unusable configuration; called at start-up.</summary>
    public void Validate()
    {
        if (MaxConcurrentCalls < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrentCalls), "Parley:Calls:MaxConcurrentCalls must be at least 1.");
        }

        if (PortsFullRetryAfter < TimeSpan.FromSeconds(1) || PortsFullRetryAfter > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(PortsFullRetryAfter), "Parley:Calls:PortsFullRetryAfter must be 1 s..1 h.");
        }

        if (OverflowVoicemailMaxLength < TimeSpan.FromSeconds(5) || OverflowVoicemailMaxLength > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentOutOfRangeException(nameof(OverflowVoicemailMaxLength), "Parley:Calls:OverflowVoicemailMaxLength must be 5 s..10 min.");
        }
    }
}
