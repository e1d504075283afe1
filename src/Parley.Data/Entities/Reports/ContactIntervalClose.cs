using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Reports;

/// <summary>
/// The quarter hours <c>[From, Until)</c> of a tenant whose contacts are stored as <see cref="ContactIntervalRow"/>s.
/// Unique per (tenant, From) and written in the rows' transaction, so of two nodes closing the same quarters one wins.
/// </summary>
public sealed class ContactIntervalClose : ITenantOwned
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public DateTimeOffset From { get; set; }

    public DateTimeOffset Until { get; set; }

    public DateTimeOffset ClosedAt { get; set; }
}
