using System.Globalization;
using Parley.Server.Application.Reports;

namespace Parley.Server.Web.Reports;

/// <summary>How a report's cell reads on screen: shares as percentages, durations as h:mm:ss, times in the tenant's zone.</summary>
public static class ReportCell
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Format(object? value, ReportFormat format) => (value, format) switch
    {
        (null, _) => "—",
        (double share, ReportFormat.Percent) => (share * 100).ToString("0.0", Invariant) + " %",
        (double seconds, ReportFormat.Seconds) => Duration(seconds),
        (double score, ReportFormat.Score) => score.ToString("0.00", Invariant),
        (DateTimeOffset time, _) => time.ToString("ddd d MMM HH:mm", Invariant),
        (int count, _) => count.ToString("N0", Invariant),
        (IFormattable number, _) => number.ToString(null, Invariant),
        _ => value.ToString() ?? "",
    };

    /// <summary>The chart's category label: shorter times than the table's.</summary>
    public static string Category(object? value) => value is DateTimeOffset time ? time.ToString("d MMM HH:mm", Invariant) : Format(value, ReportFormat.Text);

    private static string Duration(double seconds)
    {
        var time = TimeSpan.FromSeconds(Math.Round(seconds));
        return time.TotalHours >= 1 ? $"{(int)time.TotalHours}:{time:mm\\:ss}" : time.ToString("m\\:ss", Invariant);
    }
}
