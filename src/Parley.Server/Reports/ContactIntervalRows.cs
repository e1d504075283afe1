using System.Text.Json;
using Parley.Analytics.Records;
using Parley.Analytics.Tallies;
using Parley.Data.Entities.Reports;

namespace Parley.Server.Reports;

/// <summary>Stored quarter-hour aggregates to and from the analytics library's tallies, state spans and IVR visits.</summary>
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

    /// <summary>The longest not-ready reason stored (the column's length).</summary>
    private const int MaxReason = 200;

    public static AgentStateIntervalRow ToRow(AgentStateSpan sum, Guid tenantId) => new()
    {
        TenantId = tenantId,
        QuarterStart = sum.Start,
        AgentId = Guid.Parse(sum.AgentId),
        State = sum.State.ToString(),
        Reason = sum.Reason is { Length: > MaxReason } reason ? reason[..MaxReason] : sum.Reason,
        Ticks = (sum.End - sum.Start).Ticks,
    };

    public static AgentStateSpan ToSpan(AgentStateIntervalRow row) =>
        new(row.AgentId.ToString("D"), Enum.Parse<AgentState>(row.State), row.Reason, row.QuarterStart, row.QuarterStart + TimeSpan.FromTicks(row.Ticks));

    public static IvrIntervalRow ToRow(IvrVisit sum, Guid tenantId) => new()
    {
        TenantId = tenantId,
        QuarterStart = sum.EnteredAt,
        FlowId = Guid.Parse(sum.FlowId),
        Outcome = sum.Outcome.ToString(),
        PathJson = JsonSerializer.Serialize(sum.Path),
        Count = sum.Count,
    };

    public static IvrVisit ToVisit(IvrIntervalRow row) =>
        new(row.FlowId.ToString("D"), row.QuarterStart, Enum.Parse<IvrOutcome>(row.Outcome), JsonSerializer.Deserialize<string[]>(row.PathJson) ?? [], row.Count);
}
