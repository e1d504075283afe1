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
    public static readonly IReadOnlyList<(string Kind, string Title)> All =
    [
        (Queue, "Queue performance per interval"),
        (Queues, "Queue performance per queue"),
        (Agents, "Agent performance"),
        (Abandon, "Abandon analysis"),
        (Channels, "Channel mix"),
        (Dispositions, "Wrap-up codes"),
        (Csat, "Customer satisfaction"),
        (Ivr, "IVR containment"),
        (IvrPaths, "IVR paths"),
    ];

    public static bool IsKnown(string? kind) => All.Any(k => k.Kind == kind);
}
