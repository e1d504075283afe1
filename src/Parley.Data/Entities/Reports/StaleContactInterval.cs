using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Reports;

/// <summary>
/// A quarter hour of a tenant whose raw contact records changed after it may have been closed into
/// <see cref="ContactIntervalRow"/>s: a late wrap-up, a call closed hours after it started, a chat transferred long after
/// it was queued. Written in the same transaction as the change; the aggregates job sums the quarter again and deletes
/// the marks it took. Several marks of one quarter are allowed (no unique index: a mark must never fail a record's save).
/// </summary>
public sealed class StaleContactInterval : ITenantOwned
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public DateTimeOffset QuarterStart { get; set; }
}
