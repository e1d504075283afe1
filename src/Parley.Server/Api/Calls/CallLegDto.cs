using Parley.Data.Entities.Voice;

namespace Parley.Server.Api.Calls;

/// <summary>One SIP leg of a call: the caller's, or one towards an agent's phone. Durations in seconds.</summary>
public sealed record CallLegDto(
    Guid Id,
    string Party,
    string SipCallId,
    string? Address,
    Guid? AgentId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RingingAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt,
    int? SipStatus,
    string? ReleaseCause,
    double? RingSeconds,
    double? TalkSeconds)
{
    public static CallLegDto From(CallLegRow l) => new(
        l.Id, l.Party, l.SipCallId, l.Address, l.AgentId, l.CreatedAt, l.RingingAt, l.AnsweredAt, l.EndedAt, l.SipStatus, l.ReleaseCause,
        CallSummaryDto.Seconds(l.RingMs), CallSummaryDto.Seconds(l.TalkMs));
}
