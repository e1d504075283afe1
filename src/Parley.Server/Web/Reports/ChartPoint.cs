namespace Parley.Server.Web.Reports;

/// <summary>A category (interval, queue, agent…) and its value.</summary>
public sealed record ChartPoint(string Category, double Value);
