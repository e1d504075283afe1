using System.Globalization;

namespace Parley.Server.Web.Workspace;

/// <summary>Clock-style durations for people: <c>0:07</c>, <c>12:30</c>, <c>1:02:03</c>.</summary>
public static class Durations
{
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        return duration.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours}:{duration.Minutes:00}:{duration.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.Minutes}:{duration.Seconds:00}");
    }
}
