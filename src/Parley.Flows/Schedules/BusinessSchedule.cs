using System.Globalization;

namespace Parley.Flows.Schedules;

/// <summary>
/// A tenant's business hours: a weekly pattern and holidays, read in <see cref="TimeZone"/> (IANA id). Evaluation
/// converts the instant to local wall-clock time, so opening hours follow daylight-saving changes.
/// </summary>
public sealed class BusinessSchedule
{
    public string TimeZone { get; init; } = "UTC";
    public List<WeeklyHours> Weekly { get; init; } = [];
    public List<Holiday> Holidays { get; init; } = [];

    /// <summary>Every problem with the schedule: unknown zone, times not <c>HH:mm</c>, dates not <c>yyyy-MM-dd</c>.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            problems.Add($"'{TimeZone}' is not a known time zone.");
        }
        for (var i = 0; i < Weekly.Count; i++)
        {
            if (ParseTime(Weekly[i].Open) is null || ParseTime(Weekly[i].Close) is null)
            {
                problems.Add($"weekly/{i}: open and close must be HH:mm (00:00 to 24:00).");
            }
        }
        for (var i = 0; i < Holidays.Count; i++)
        {
            if (!DateOnly.TryParseExact(Holidays[i].Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                problems.Add($"holidays/{i}: date must be yyyy-MM-dd.");
            }
            else if (HolidayRange(Holidays[i]) is not (int from, int until) || from >= until)
            {
                problems.Add($"holidays/{i}: from and until must be HH:mm (00:00 to 24:00), from before until.");
            }
        }
        return problems;
    }

    public BusinessHoursStatus Evaluate(DateTimeOffset instant)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        var date = DateOnly.FromDateTime(local);
        var holidayText = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var minute = local.Hour * 60 + local.Minute;
        if (Holidays.Exists(h => h.Date == holidayText && HolidayRange(h) is (int from, int until) && minute >= from && minute < until))
        {
            return BusinessHoursStatus.Holiday;
        }
        var yesterday = date.AddDays(-1).DayOfWeek;
        foreach (var hours in Weekly)
        {
            if (ParseTime(hours.Open) is not int open || ParseTime(hours.Close) is not int close)
            {
                continue;
            }
            if (hours.Day == date.DayOfWeek && minute >= open && (close > open ? minute < close : true))
            {
                return BusinessHoursStatus.Open;
            }
            if (hours.Day == yesterday && close <= open && minute < close)
            {
                return BusinessHoursStatus.Open;
            }
        }
        return BusinessHoursStatus.Closed;
    }

    /// <summary>The closed part of a holiday in minutes after midnight, [from, until); null when a time is malformed.</summary>
    private static (int From, int Until)? HolidayRange(Holiday holiday) =>
        (holiday.From is null ? 0 : ParseTime(holiday.From), holiday.Until is null ? 24 * 60 : ParseTime(holiday.Until)) is (int from, int until)
            ? (from, until)
            : null;

    /// <summary>Minutes after midnight for <c>HH:mm</c> (24:00 allowed), else null.</summary>
    internal static int? ParseTime(string text)
    {
        if (text.Length != 5 || text[2] != ':'
            || !int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || m > 59 || h > 24 || (h == 24 && m != 0))
        {
            return null;
        }
        return h * 60 + m;
    }
}
