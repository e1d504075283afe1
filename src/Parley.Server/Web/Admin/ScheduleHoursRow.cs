using Parley.Flows.Schedules;

namespace Parley.Server.Web.Admin;

/// <summary>One opening range of a schedule being edited: a weekday and local <c>HH:mm</c> times.</summary>
public sealed class ScheduleHoursRow
{
    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;

    public string Open { get; set; } = "09:00";

    public string Close { get; set; } = "17:00";

    public static ScheduleHoursRow From(WeeklyHours hours) => new() { Day = hours.Day, Open = hours.Open, Close = hours.Close };

    public WeeklyHours ToHours() => new() { Day = Day, Open = Open.Trim(), Close = Close.Trim() };
}
