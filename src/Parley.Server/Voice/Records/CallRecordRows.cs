using Parley.Data.Entities.Recordings;
using Parley.Data.Entities.Voice;
using Parley.Voice.Records;

namespace Parley.Server.Voice.Records;

/// <summary>Copies the call model's records onto stored rows (an upsert: later values win) and closes their durations.</summary>
internal static class CallRecordRows
{
    public static CallRecordRow Create(CallRecord record) => new()
    {
        Id = record.Id,
        TenantId = record.TenantId,
        NodeId = record.NodeId,
        Direction = record.Direction.ToString(),
        SipCallId = record.SipCallId,
    };

    public static CallLegRow Create(CallLegRecord leg) => new()
    {
        Id = leg.Id,
        CallId = leg.CallId,
        TenantId = leg.TenantId,
        Party = leg.Party.ToString(),
        SipCallId = leg.SipCallId,
    };

    /// <summary>
    /// Every field of <paramref name="record"/> except the tenant (a record never moves) and the wrap-up end, which the
    /// routing store sets and a later save of the call (which does not know it) must not clear. EF writes only the
    /// columns whose values changed.
    /// </summary>
    public static void Apply(CallRecordRow row, CallRecord record)
    {
        row.NodeId = record.NodeId;
        row.Direction = record.Direction.ToString();
        row.SipCallId = record.SipCallId;
        row.CallerNumber = record.CallerNumber;
        row.CalledNumber = record.CalledNumber;
        row.NumberId = record.NumberId;
        row.TrunkId = record.TrunkId;
        row.ArrivedAt = CallTimes.Stored(record.ArrivedAt);
        row.AnsweredByIvrAt = CallTimes.Stored(record.AnsweredByIvrAt);
        row.IvrExitAt = CallTimes.Stored(record.IvrExitAt);
        row.QueuedAt = CallTimes.Stored(record.QueuedAt);
        row.OfferedAt = CallTimes.Stored(record.OfferedAt);
        row.AnsweredAt = CallTimes.Stored(record.AnsweredAt);
        row.EndedAt = CallTimes.Stored(record.EndedAt);
        if (record.WrapUpEndedAt is { } wrapped)
        {
            row.WrapUpEndedAt = CallTimes.Stored(wrapped);
        }

        row.FlowId = record.FlowId;
        row.FlowVersion = record.FlowVersion;
        row.FlowPathJson = record.FlowPathJson;
        row.QueueId = record.QueueId;
        row.AgentId = record.AgentId;
        row.InteractionId = record.InteractionId;
        row.Disposition = record.Disposition?.ToString();
        row.ReleaseCause = record.ReleaseCause;
        row.ReleasedBy = record.ReleasedBy?.ToString();
        row.HoldMs = (long)record.HoldDuration.TotalMilliseconds;
        row.HoldCount = record.HoldCount;
        row.RecordedMs = record.RecordedDuration is { } recorded ? (long)recorded.TotalMilliseconds : null;
        row.RecordingBytes = record.RecordingBytes;
        row.RecordingId = record.Recording?.Id ?? row.RecordingId;
        CallDurations.Compute(row);
    }

    public static RecordingRow Create(CallRecord call, CallRecording recording) => new()
    {
        Id = recording.Id,
        TenantId = call.TenantId,
        CallId = call.Id,
        QueueId = call.QueueId,
        AgentId = call.AgentId,
        Path = recording.RelativePath,
        StartedAt = recording.StartedAt,
        EndedAt = recording.EndedAt,
        DurationMs = (long)recording.Duration.TotalMilliseconds,
        SizeBytes = recording.SizeBytes,
        Sha256 = recording.Sha256,
        PauseCount = recording.PauseCount,
        ChannelLayout = recording.ChannelLayout,
    };

    public static void Apply(CallLegRow row, CallLegRecord leg)
    {
        row.CallId = leg.CallId;
        row.Party = leg.Party.ToString();
        row.SipCallId = leg.SipCallId;
        row.Address = leg.Address;
        row.AgentId = leg.AgentId;
        row.CreatedAt = CallTimes.Stored(leg.CreatedAt);
        row.RingingAt = CallTimes.Stored(leg.RingingAt);
        row.AnsweredAt = CallTimes.Stored(leg.AnsweredAt);
        row.EndedAt = CallTimes.Stored(leg.EndedAt);
        row.SipStatus = leg.SipStatus;
        row.ReleaseCause = leg.ReleaseCause;
        CallDurations.Compute(row);
    }
}
