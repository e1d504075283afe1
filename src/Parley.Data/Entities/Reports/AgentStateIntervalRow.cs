using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Reports;

/// <summary>
/// The time one agent of a tenant spent in one state (and not-ready reason) within one UTC quarter hour, from the
/// routing history: the stored form of the analytics library's quarter sums of agent state spans. Written with the
/// quarter's <see cref="ContactIntervalClose"/>, in ticks so sums equal the raw history's exactly.
/// </summary>
public sealed class AgentStateIntervalRow : ITenantOwned, IQuarterRow
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public DateTimeOffset QuarterStart { get; set; }

    public Guid AgentId { get; set; }

    /// <summary>The analytics library's state name: Available, Busy, WrapUp, NotReady or Offline.</summary>
    public required string State { get; set; }

    public string? Reason { get; set; }

    public long Ticks { get; set; }
}
