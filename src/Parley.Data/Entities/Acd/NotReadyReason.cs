using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Acd;

/// <summary>A tenant-defined reason for being signed in but not ready (rest, meeting, training…).</summary>
public sealed class NotReadyReason : ITenantOwned, IVersioned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>Short stable code agents select, e.g. <c>rest</c>; unique per tenant.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public long Version { get; set; }
}
