using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Voice;

/// <summary>
/// The stored CDR of one call (table <c>CallRecords</c>): the call model's timestamps as saved at each milestone, and
/// the durations derived from them when the call is closed (<see cref="EndedAt"/> set) and when wrap-up ends.
/// Durations are whole milliseconds; null when the phase did not happen.
/// </summary>
public sealed class CallRecordRow : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string NodeId { get; set; }

    /// <summary><c>Inbound</c>, <c>Outbound</c> or <c>Internal</c>.</summary>
    public required string Direction { get; set; }

    public required string SipCallId { get; set; }

    public string? CallerNumber { get; set; }

    public string? CalledNumber { get; set; }

    public Guid? NumberId { get; set; }

    public Guid? TrunkId { get; set; }

    public DateTimeOffset ArrivedAt { get; set; }

    public DateTimeOffset? AnsweredByIvrAt { get; set; }

    public DateTimeOffset? IvrExitAt { get; set; }

    public DateTimeOffset? QueuedAt { get; set; }

    public DateTimeOffset? OfferedAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public DateTimeOffset? WrapUpEndedAt { get; set; }

    public Guid? FlowId { get; set; }

    public int? FlowVersion { get; set; }

    /// <summary>The flow's path (blocks visited, inputs, branches) as JSON.</summary>
    public string? FlowPathJson { get; set; }

    public Guid? QueueId { get; set; }

    public Guid? AgentId { get; set; }

    public Guid? InteractionId { get; set; }

    /// <summary>A <c>CallDisposition</c> name; null while the call is open.</summary>
    public string? Disposition { get; set; }

    public string? ReleaseCause { get; set; }

    /// <summary><c>Caller</c>, <c>Agent</c> or <c>System</c>.</summary>
    public string? ReleasedBy { get; set; }

    public long? IvrMs { get; set; }

    public long? WaitMs { get; set; }

    public long? RingMs { get; set; }

    public long? TalkMs { get; set; }

    public long HoldMs { get; set; }

    /// <summary>How many times the agent put the customer on hold.</summary>
    public int HoldCount { get; set; }

    /// <summary>Length of the call's recording in milliseconds (null: not recorded).</summary>
    public long? RecordedMs { get; set; }

    /// <summary>Size of the call's recording file in bytes (null: not recorded).</summary>
    public long? RecordingBytes { get; set; }

    /// <summary>The call's recording (<c>Recordings</c> row), once it has ended; null: not recorded.</summary>
    public Guid? RecordingId { get; set; }

    public long? WrapUpMs { get; set; }
}
