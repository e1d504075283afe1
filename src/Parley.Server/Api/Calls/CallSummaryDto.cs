using Parley.Data.Entities.Voice;

namespace Parley.Server.Api.Calls;

/// <summary>
/// A call record (CDR) in a list. Times are UTC; durations are in seconds (milliseconds as a fraction), null when the
/// phase did not happen or the call is still open. <see cref="Disposition"/> is null while the call is in progress;
/// <see cref="RecordingId"/> names the call's recording (<c>GET /api/v1/recordings/{id}</c>) once one is finished.
/// </summary>
public record CallSummaryDto(
    Guid Id,
    string Direction,
    string SipCallId,
    string? CallerNumber,
    string? CalledNumber,
    Guid? NumberId,
    Guid? TrunkId,
    DateTimeOffset ArrivedAt,
    DateTimeOffset? AnsweredByIvrAt,
    DateTimeOffset? IvrExitAt,
    DateTimeOffset? QueuedAt,
    DateTimeOffset? OfferedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset? WrapUpEndedAt,
    Guid? FlowId,
    int? FlowVersion,
    Guid? QueueId,
    Guid? AgentId,
    Guid? InteractionId,
    Guid? RecordingId,
    string? Disposition,
    string? ReleaseCause,
    string? ReleasedBy,
    double? IvrSeconds,
    double? WaitSeconds,
    double? RingSeconds,
    double? TalkSeconds,
    double HoldSeconds,
    int HoldCount,
    double? WrapUpSeconds,
    string NodeId)
{
    public static CallSummaryDto From(CallRecordRow c) => new(
        c.Id, c.Direction, c.SipCallId, c.CallerNumber, c.CalledNumber, c.NumberId, c.TrunkId,
        c.ArrivedAt, c.AnsweredByIvrAt, c.IvrExitAt, c.QueuedAt, c.OfferedAt, c.AnsweredAt, c.EndedAt, c.WrapUpEndedAt,
        c.FlowId, c.FlowVersion, c.QueueId, c.AgentId, c.InteractionId, c.RecordingId, c.Disposition, c.ReleaseCause, c.ReleasedBy,
        Seconds(c.IvrMs), Seconds(c.WaitMs), Seconds(c.RingMs), Seconds(c.TalkMs), c.HoldMs / 1000.0, c.HoldCount, Seconds(c.WrapUpMs), c.NodeId);

    public static double? Seconds(long? milliseconds) => milliseconds / 1000.0;
}
