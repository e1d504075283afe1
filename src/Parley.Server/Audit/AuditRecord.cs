namespace Parley.Server.Audit;

/// <summary>What happened, before it is placed in a tenant's chain.</summary>
public sealed record AuditRecord(
    Guid TenantId,
    string ActorType,
    string ActorId,
    string ActorName,
    string Action,
    string? TargetType,
    string? TargetId,
    string Summary,
    string? SourceIp,
    string Outcome,
    int StatusCode);
