using Parley.Analytics.Intervals;
using Parley.Analytics.Records;

namespace Parley.Server.Application.Reports;

/// <summary>The words of a report request as the API's query string and the page's pickers spell them.</summary>
public static class ReportQueryText
{
    public static readonly IReadOnlyList<(string Text, ReportInterval Interval)> Intervals =
    [
        ("15m", ReportInterval.FifteenMinutes), ("hour", ReportInterval.Hour), ("day", ReportInterval.Day), ("week", ReportInterval.Week),
        ("total", ReportInterval.Total),
    ];

    /// <summary>Null means the default, <c>hour</c>.</summary>
    public static bool TryInterval(string? text, out ReportInterval interval)
    {
        interval = ReportInterval.Hour;
        if (text is null)
        {
            return true;
        }

        var found = Intervals.FirstOrDefault(i => i.Text == text);
        interval = found.Interval;
        return found.Text is not null;
    }

    /// <summary>Null means both channels.</summary>
    public static bool TryChannel(string? text, out ContactChannel? channel)
    {
        channel = text switch
        {
            "voice" => ContactChannel.Voice,
            "chat" => ContactChannel.Chat,
            _ => null,
        };
        return text is null || channel is not null;
    }
}
