using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Usage;

/// <summary>
/// A tenant's local day whose usage is final: stored, and its daily summary event queued. Unique per (tenant, day), and
/// written in the same transaction as the rows and the webhook deliveries, so the summary goes out exactly once.
/// </summary>
public sealed class UsageDayClose : ITenantOwned
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public DateOnly Day { get; set; }

    public DateTimeOffset ClosedAt { get; set; }
}
