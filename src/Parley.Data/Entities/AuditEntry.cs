using Parley.Domain.Tenants;

namespace Parley.Data.Entities;

/// <summary>
/// One recorded write. Entries of a tenant form a hash chain: <see cref="Hash"/> covers this entry's fields and
/// <see cref="PreviousHash"/>, so changing or removing any entry breaks every hash after it.
/// </summary>
public sealed class AuditEntry : ITenantOwned
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public required string ActorType { get; set; }

    public required string ActorId { get; set; }

    public required string ActorName { get; set; }

    public required string Action { get; set; }

    public string? TargetType { get; set; }

    public string? TargetId { get; set; }

    public string Summary { get; set; } = "";

    public string? SourceIp { get; set; }

    public required string Outcome { get; set; }

    public int StatusCode { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}
