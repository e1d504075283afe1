using Parley.Analytics.Records;
using Parley.Analytics.Tallies;
using Parley.Data.Entities.Reports;

namespace Parley.Server.Reports;

/// <summary>Stored quarter-hour aggregates to and from the analytics library's tallies.</summary>
internal static class ContactIntervalRows
{
    public static ContactIntervalRow ToRow(ContactTally tally, Guid tenantId) => new()
    {
        TenantId = tenantId,
        QuarterStart = tally.EnqueuedAt,
        AnsweredQuarter = tally.AnsweredAt,
        Channel = tally.Channel.ToString(),
        QueueId = Guid.Parse(tally.QueueId),
        AgentId = tally.AgentId is null ? null : Guid.Parse(tally.AgentId),
        WrapUpCode = tally.WrapUpCode,
        AbandonBand = tally.AbandonBand,
        Count = tally.Count,
        InThreshold = tally.InThreshold,
        Transfers = tally.Transfers,
        TotalWaitTicks = tally.TotalWait.Ticks,
        MaxWaitTicks = tally.MaxWait.Ticks,
        TalkTicks = tally.Talk.Ticks,
        HoldTicks = tally.Hold.Ticks,
        WrapUpTicks = tally.WrapUp.Ticks,
    };

    public static ContactTally ToTally(ContactIntervalRow row) => new(
        row.QuarterStart, row.AnsweredQuarter, Enum.Parse<ContactChannel>(row.Channel), row.QueueId.ToString("D"), row.AgentId?.ToString("D"),
        row.WrapUpCode, row.AbandonBand, row.Count, row.InThreshold, row.Transfers,
        TimeSpan.FromTicks(row.TotalWaitTicks), TimeSpan.FromTicks(row.MaxWaitTicks), TimeSpan.FromTicks(row.TalkTicks),
        TimeSpan.FromTicks(row.HoldTicks), TimeSpan.FromTicks(row.WrapUpTicks));
}
