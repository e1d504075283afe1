namespace Parley.Server.Application.Reports;

/// <summary>Short constructors for the columns the report tables share.</summary>
internal static class ReportColumns
{
    public static ReportColumn Text(string key, string label) => new(key, label, ReportFormat.Text);

    public static ReportColumn Time(string key, string label) => new(key, label, ReportFormat.Time);

    public static ReportColumn Count(string key, string label) => new(key, label, ReportFormat.Count);

    public static ReportColumn Percent(string key, string label) => new(key, label, ReportFormat.Percent);

    public static ReportColumn Seconds(string key, string label) => new(key, label, ReportFormat.Seconds);

    public static ReportColumn Score(string key, string label) => new(key, label, ReportFormat.Score);

    /// <summary>A label with its count and share: dispositions, channels, abandon bands, paths.</summary>
    public static ReportColumn[] Shares(string key, string label) => [Text(key, label), Count("count", "Count"), Percent("share", "Share")];

    public static double? Seconds(TimeSpan? value) => value?.TotalSeconds;
}
