namespace Parley.Voice.Records;

/// <summary>
/// The CDR of one call as the call model sees it: opened at arrival, saved again at each milestone (the same
/// <see cref="Id"/>, later values win), closed when <see cref="EndedAt"/> is set. Durations are derived from the
/// timestamps when the record is closed. Times are UTC.
/// </summary>
public sealed record CallRecord
{
    public required Guid Id { get; init; }
    public required Guid TenantId { get; init; }
    /// <summary>The node that answered the call (its media lives there); start-up closes this node's open records.</summary>
    public required string NodeId { get; init; }
    public required CallDirection Direction { get; init; }
    /// <summary>SIP Call-ID of the caller's leg.</summary>
    public required string SipCallId { get; init; }
    public string? CallerNumber { get; init; }
    public string? CalledNumber { get; init; }
    public Guid? NumberId { get; init; }
    public Guid? TrunkId { get; init; }
    public required DateTimeOffset ArrivedAt { get; init; }
    public DateTimeOffset? AnsweredByIvrAt { get; init; }
    public DateTimeOffset? IvrExitAt { get; init; }
    public DateTimeOffset? QueuedAt { get; init; }
    public DateTimeOffset? OfferedAt { get; init; }
    /// <summary>When an agent answered (the bridge started).</summary>
    public DateTimeOffset? AnsweredAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public DateTimeOffset? WrapUpEndedAt { get; init; }
    public Guid? FlowId { get; init; }
    public int? FlowVersion { get; init; }
    /// <summary>The flow's path (<c>FlowPathEntry</c> list) as JSON.</summary>
    public string? FlowPathJson { get; init; }
    public Guid? QueueId { get; init; }
    public Guid? AgentId { get; init; }
    /// <summary>The ACD interaction the call became in its queue.</summary>
    public Guid? InteractionId { get; init; }
    public CallDisposition? Disposition { get; init; }
    /// <summary>Why it ended, e.g. <c>normal</c>, <c>caller_hangup</c>, <c>no_agent</c>, <c>flow_hangup</c>, <c>node_failure</c>.</summary>
    public string? ReleaseCause { get; init; }
    public CallParty? ReleasedBy { get; init; }
    /// <summary>Time on hold while bridged with an agent.</summary>
    public TimeSpan HoldDuration { get; init; }
    /// <summary>How many times the agent put the customer on hold.</summary>
    public int HoldCount { get; init; }

    /// <summary>Length of the call's recording, when it was recorded (pauses included, as silence).</summary>
    public TimeSpan? RecordedDuration { get; init; }

    /// <summary>Size of the call's recording file in bytes, when it was recorded.</summary>
    public long? RecordingBytes { get; init; }

    /// <summary>The call's recording once it has ended (the store writes its <c>Recordings</c> row).</summary>
    public CallRecording? Recording { get; init; }
}
