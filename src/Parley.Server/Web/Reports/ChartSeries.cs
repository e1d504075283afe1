namespace Parley.Server.Web.Reports;

/// <summary>One series of the report's chart: a title and a value per category.</summary>
public sealed record ChartSeries(string Title, IReadOnlyList<ChartPoint> Points);
