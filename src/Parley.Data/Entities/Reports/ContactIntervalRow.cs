using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Reports;

/// <summary>
/// The contacts of one tenant that entered a queue in one UTC quarter hour and share queue, channel, agent, answer
/// quarter, wrap-up code and abandon band, summed: the stored form of the analytics library's <c>ContactTally</c>.
/// Written only when the quarter closes (with its <see cref="ContactIntervalClose"/>), rebuilt by deleting and closing
/// again. Durations are in ticks so sums equal the raw records' exactly.
/// </summary>
public sealed class ContactIntervalRow : ITenantOwned, IQuarterRow
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public DateTimeOffset QuarterStart { get; set; }

    public DateTimeOffset? AnsweredQuarter { get; set; }

    public required string Channel { get; set; }

    public Guid QueueId { get; set; }

    public Guid? AgentId { get; set; }

    public string? WrapUpCode { get; set; }

    /// <summary>The abandon band (0–4) of unanswered contacts; -1 for answered ones.</summary>
    public int AbandonBand { get; set; }

    public int Count { get; set; }

    public int InThreshold { get; set; }

    public int Transfers { get; set; }

    public long TotalWaitTicks { get; set; }

    public long MaxWaitTicks { get; set; }

    public long TalkTicks { get; set; }

    public long HoldTicks { get; set; }

    public long WrapUpTicks { get; set; }
}
