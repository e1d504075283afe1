using Parley.Data.Entities;

namespace Parley.Server.Api.Audit;

public sealed record AuditEntryDto(
    long Sequence, DateTimeOffset At, string ActorType, string ActorId, string ActorName, string Action,
    string? TargetType, string? TargetId, string Summary, string? SourceIp, string Outcome, int StatusCode, string Hash)
{
    public static AuditEntryDto From(AuditEntry e) =>
        new(e.Sequence, e.At, e.ActorType, e.ActorId, e.ActorName, e.Action, e.TargetType, e.TargetId, e.Summary, e.SourceIp, e.Outcome, e.StatusCode, e.Hash);
}
