using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Reports;

/// <summary>
/// The calls of a tenant that entered one flow in one UTC quarter hour and share how the IVR part ended and the path of
/// blocks, counted: the stored form of the analytics library's quarter sums of IVR visits. Written with the quarter's
/// <see cref="ContactIntervalClose"/>.
/// </summary>
public sealed class IvrIntervalRow : ITenantOwned, IQuarterRow
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public DateTimeOffset QuarterStart { get; set; }

    public Guid FlowId { get; set; }

    /// <summary>The analytics library's outcome name: Queued, EndedByFlow, Abandoned or Other.</summary>
    public required string Outcome { get; set; }

    /// <summary>The block ids passed, in order, as a JSON array of strings.</summary>
    public required string PathJson { get; set; }

    public int Count { get; set; }
}
