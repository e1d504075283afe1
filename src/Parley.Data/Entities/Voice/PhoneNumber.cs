using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Voice;

/// <summary>
/// An E.164 number the platform operator assigned to one tenant (unique platform-wide). The tenant points it at a
/// published flow or straight at a queue; <see cref="TargetKind"/> <c>None</c> leaves it unanswered (480).
/// </summary>
public sealed class PhoneNumber : ITenantOwned, IVersioned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>Normalised E.164: <c>+</c> then 8–15 digits.</summary>
    public required string Number { get; set; }

    /// <summary><c>None</c>, <c>Flow</c> or <c>Queue</c>.</summary>
    public string TargetKind { get; set; } = "None";

    /// <summary>The flow or queue id; null when <see cref="TargetKind"/> is <c>None</c>.</summary>
    public Guid? TargetId { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset AssignedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}
