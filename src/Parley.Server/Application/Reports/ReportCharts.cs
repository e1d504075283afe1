namespace Parley.Server.Application.Reports;

/// <summary>
/// What the page charts for each report: the column that names the categories (intervals, queues, agents, bands…) and
/// the count columns drawn as series.
/// </summary>
public static class ReportCharts
{
    public static (string Category, string[] Series) For(string kind) => kind switch
    {
        ReportKinds.Queue => ("start", ["offered", "answered", "abandoned"]),
        ReportKinds.Queues => ("queue", ["offered", "answered", "abandoned"]),
        ReportKinds.Agents => ("agent", ["handled"]),
        ReportKinds.Abandon => ("band", ["count"]),
        ReportKinds.Channels => ("channel", ["count"]),
        ReportKinds.Dispositions => ("code", ["count"]),
        ReportKinds.Csat => ("score", ["count"]),
        ReportKinds.Ivr => ("flow", ["entered", "queued", "endedByFlow", "abandoned"]),
        _ => ("path", ["count"]),
    };
}
