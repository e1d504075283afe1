using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Usage;

/// <summary>
/// One stored usage quantity: a meter on one of the tenant's local days for one dimension. Written only by replacing a
/// whole day from the raw records, so a re-run or a second node never adds to it.
/// </summary>
public sealed class UsageDayRow : ITenantOwned
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public DateOnly Day { get; set; }

    public required string Meter { get; set; }

    public required string Dimension { get; set; }

    public long Quantity { get; set; }

    public DateTimeOffset ComputedAt { get; set; }
}
