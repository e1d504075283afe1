using System.Globalization;
using Parley.Server.Application.Supervision;

namespace Parley.Server.Web.Supervisor;

/// <summary>How the dashboard shows alert levels and figures: a CSS class per level, percentages, optional durations.</summary>
public static class Alerts
{
    public static string Class(AlertLevel level) => level switch
    {
        AlertLevel.Red => "parley-alert-red",
        AlertLevel.Amber => "parley-alert-amber",
        _ => "",
    };

    /// <summary>Words for screen readers and tooltips, since colour alone must not carry the meaning.</summary>
    public static string Describe(AlertLevel level) => level switch
    {
        AlertLevel.Red => "over the red threshold",
        AlertLevel.Amber => "over the amber threshold",
        _ => "",
    };

    public static string Percent(double? level) => level is { } value ? string.Create(CultureInfo.InvariantCulture, $"{value * 100:0}%") : "—";

    public static string Duration(TimeSpan? duration) => duration is { } value ? Workspace.Durations.Format(value) : "—";
}
