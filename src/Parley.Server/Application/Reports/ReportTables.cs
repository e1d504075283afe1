using Parley.Analytics.Records;
using Parley.Analytics.Reports;
using static Parley.Server.Application.Reports.ReportColumns;

namespace Parley.Server.Application.Reports;

/// <summary>Turns the analytics library's results into <see cref="ReportTable"/>s. Definitions in docs/reports.md.</summary>
internal static class ReportTables
{
    private static readonly ReportColumn[] QueueFigures =
    [
        Count("offered", "Offered"), Count("answered", "Answered"), Count("abandoned", "Abandoned"),
        Count("answeredInThreshold", "Answered in threshold"), Count("transfers", "Transfers"), Percent("serviceLevel", "Service level"),
        Percent("abandonRate", "Abandon rate"), Seconds("averageSpeedOfAnswerSeconds", "ASA"), Seconds("averageHandleTimeSeconds", "AHT"),
        Seconds("averageWaitSeconds", "Average wait"), Seconds("maxWaitSeconds", "Longest wait"),
    ];

    public static ReportTable Intervals(string zone, ReportResult<QueueRow> result) => new(
        ReportKinds.Queue, "Queue performance per interval", zone,
        [Time("start", "Start"), Time("end", "End"), .. QueueFigures],
        result.Rows.Select(r => (object?[])[r.Slot.Start, r.Slot.End, .. QueueValues(r)]).ToList(),
        [result.Total.Slot.Start, result.Total.Slot.End, .. QueueValues(result.Total)],
        QueueSummary(result.Total));

    public static ReportTable Queues(string zone, IReadOnlyList<(string QueueId, QueueRow Row)> rows, QueueRow total, ReportNames names) => new(
        ReportKinds.Queues, "Queue performance per queue", zone,
        [Text("queueId", "Queue id"), Text("queue", "Queue"), .. QueueFigures],
        rows.Select(r => (object?[])[r.QueueId, names.Queue(r.QueueId), .. QueueValues(r.Row)]).ToList(),
        [null, "All queues", .. QueueValues(total)],
        QueueSummary(total));

    public static ReportTable Agents(string zone, IReadOnlyList<AgentRow> rows, ReportNames names)
    {
        var handled = rows.Sum(r => r.Handled);
        var handle = rows.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Talk + r.Hold + r.WrapUp);
        return new ReportTable(
            ReportKinds.Agents, "Agent performance", zone,
            [
                Text("agentId", "Agent id"), Text("agent", "Agent"), Count("handled", "Handled"), Count("transfersOut", "Transfers out"),
                Seconds("talkSeconds", "Talk"), Seconds("holdSeconds", "Hold"), Seconds("wrapUpSeconds", "Wrap-up"),
                Seconds("averageHandleTimeSeconds", "AHT"), Percent("occupancy", "Occupancy"), Percent("utilisation", "Utilisation"),
                Seconds("availableSeconds", "Available"), Seconds("busySeconds", "Busy"), Seconds("wrapUpStateSeconds", "In wrap-up"),
                Seconds("notReadySeconds", "Not ready"), Text("notReadyReasons", "Not-ready reasons"),
            ],
            rows.Select(r => (object?[])
            [
                r.AgentId, names.Agent(r.AgentId), r.Handled, r.TransfersOut, r.Talk.TotalSeconds, r.Hold.TotalSeconds, r.WrapUp.TotalSeconds,
                Seconds(r.AverageHandleTime), r.Occupancy, r.Utilisation, r.State(AgentState.Available).TotalSeconds, r.State(AgentState.Busy).TotalSeconds,
                r.State(AgentState.WrapUp).TotalSeconds, r.State(AgentState.NotReady).TotalSeconds,
                string.Join("; ", r.NotReadyByReason.Select(n => $"{n.Key} {n.Value.TotalSeconds:0}s")),
            ]).ToList(),
            Summary:
            [
                new("agents", "Agents", rows.Count, ReportFormat.Count), new("handled", "Handled", handled, ReportFormat.Count),
                new("averageHandleTimeSeconds", "AHT", handled == 0 ? null : (handle / handled).TotalSeconds, ReportFormat.Seconds),
            ]);
    }

    public static ReportTable Abandons(string zone, AbandonSummary summary) => new(
        ReportKinds.Abandon, "Abandon analysis", zone, ReportColumns.Shares("band", "Time to abandon"),
        summary.Bands.Select(b => (object?[])[b.Label, b.Count, b.Share]).ToList(),
        Summary:
        [
            new("offered", "Offered", summary.Offered, ReportFormat.Count), new("abandoned", "Abandoned", summary.Abandoned, ReportFormat.Count),
            new("abandonRate", "Abandon rate", summary.AbandonRate, ReportFormat.Percent),
            new("averageTimeToAbandonSeconds", "Average time to abandon", Seconds(summary.AverageTimeToAbandon), ReportFormat.Seconds),
            new("longestTimeToAbandonSeconds", "Longest time to abandon", summary.LongestTimeToAbandon.TotalSeconds, ReportFormat.Seconds),
        ]);

    public static ReportTable Shares(string kind, string title, string zone, string key, string label, IReadOnlyList<ShareRow> rows) => new(
        kind, title, zone, ReportColumns.Shares(key, label), rows.Select(r => (object?[])[r.Label, r.Count, r.Share]).ToList(),
        Summary: [new("count", "Total", rows.Sum(r => r.Count), ReportFormat.Count)]);

    public static ReportTable Csat(string zone, CsatSummary summary) => new(
        ReportKinds.Csat, "Customer satisfaction (chat ratings)", zone, [Count("score", "Score"), Count("count", "Ratings"), Percent("share", "Share")],
        summary.CountByScore.Select((count, i) => (object?[])[i + 1, count, summary.Ratings == 0 ? 0.0 : (double)count / summary.Ratings]).ToList(),
        Summary:
        [
            new("ratings", "Ratings", summary.Ratings, ReportFormat.Count), new("averageScore", "Average score", summary.AverageScore, ReportFormat.Score),
            new("csat", "CSAT (4 and 5)", summary.Csat, ReportFormat.Percent),
        ]);

    public static ReportTable Ivr(string zone, IReadOnlyList<IvrFlowRow> rows, ReportNames names) => new(
        ReportKinds.Ivr, "IVR containment per flow", zone,
        [
            Text("flowId", "Flow id"), Text("flow", "Flow"), Count("entered", "Entered"), Count("queued", "Queued"),
            Count("endedByFlow", "Ended by the flow"), Count("abandoned", "Hung up in the IVR"), Count("other", "Other"),
            Percent("containment", "Containment"), Percent("selfService", "Self-service"), Text("topPath", "Most taken path"), Count("topPathCount", "Its calls"),
        ],
        rows.Select(r => (object?[])
        [
            r.FlowId, names.Flow(r.FlowId), r.Entered, r.Queued, r.EndedByFlow, r.Abandoned, r.Other, r.Containment, r.SelfService,
            r.TopPaths.FirstOrDefault()?.Label, r.TopPaths.FirstOrDefault()?.Count,
        ]).ToList(),
        Summary:
        [
            new("entered", "Calls in the IVR", rows.Sum(r => r.Entered), ReportFormat.Count),
            new("containment", "Containment", rows.Sum(r => r.Entered) is var n and > 0 ? (double)(n - rows.Sum(r => r.Queued)) / n : null, ReportFormat.Percent),
        ]);

    public static ReportTable IvrPaths(string zone, IReadOnlyList<IvrFlowRow> rows, ReportNames names) => new(
        ReportKinds.IvrPaths, "IVR paths per flow", zone,
        [Text("flowId", "Flow id"), Text("flow", "Flow"), Text("path", "Path (block ids)"), Count("count", "Calls"), Percent("share", "Share of the flow's calls")],
        rows.SelectMany(r => r.TopPaths.Select(p => (object?[])[r.FlowId, names.Flow(r.FlowId), p.Label, p.Count, p.Share])).ToList());

    private static object?[] QueueValues(QueueRow r) =>
    [
        r.Offered, r.Answered, r.Abandoned, r.AnsweredInThreshold, r.Transfers, r.ServiceLevel, r.AbandonRate,
        Seconds(r.AverageSpeedOfAnswer), Seconds(r.AverageHandleTime), Seconds(r.AverageWait), r.MaxWait.TotalSeconds,
    ];

    private static ReportFigure[] QueueSummary(QueueRow total) =>
    [
        new("offered", "Offered", total.Offered, ReportFormat.Count), new("answered", "Answered", total.Answered, ReportFormat.Count),
        new("abandoned", "Abandoned", total.Abandoned, ReportFormat.Count), new("serviceLevel", "Service level", total.ServiceLevel, ReportFormat.Percent),
        new("averageSpeedOfAnswerSeconds", "ASA", Seconds(total.AverageSpeedOfAnswer), ReportFormat.Seconds),
        new("averageHandleTimeSeconds", "AHT", Seconds(total.AverageHandleTime), ReportFormat.Seconds),
    ];
}
