namespace Parley.Server.Application.Reports;

/// <summary>The reports served by <c>GET /api/v1/reports/{kind}</c> and the console's <c>/reports</c> page.</summary>
public static class ReportKinds
{
    public const string Queue = "queue";
    public const string Queues = "queues";
    public const string Agents = "agents";
    public const string Abandon = "abandon";
    public const string Channels = "channels";
    public const string Dispositions = "dispositions";
    public const string Csat = "csat";
    public const string Ivr = "ivr";
    public const string IvrPaths = "ivr-paths";

    /// <summary>Each kind with its name on the page, in menu order.</summary>
    public static readonly IReadOnlyList<ReportKind> All =
    [
        new(Queue, "Queue per interval"),
        new(Queues, "Queue summary"),
        new(Agents, "Agents"),
        new(Abandon, "Abandons"),
        new(Channels, "Channel mix"),
        new(Dispositions, "Wrap-up codes"),
        new(Csat, "Satisfaction (CSAT)"),
        new(Ivr, "IVR containment"),
        new(IvrPaths, "IVR paths"),
    ];

    public static bool IsKnown(string? kind) => All.Any(k => k.Kind == kind);
}
