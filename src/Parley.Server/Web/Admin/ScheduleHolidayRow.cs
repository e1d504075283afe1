using Parley.Flows.Schedules;

namespace Parley.Server.Web.Admin;

/// <summary>One holiday of a schedule being edited: a local date, a name, and optionally the part of the day that is closed.</summary>
public sealed class ScheduleHolidayRow
{
    public string Date { get; set; } = "";

    public string Name { get; set; } = "";

    public string ClosedFrom { get; set; } = "";

    public string ClosedUntil { get; set; } = "";

    public static ScheduleHolidayRow From(Holiday holiday) =>
        new() { Date = holiday.Date, Name = holiday.Name ?? "", ClosedFrom = holiday.From ?? "", ClosedUntil = holiday.Until ?? "" };

    public Holiday ToHoliday() => new() { Date = Date.Trim(), Name = Text(Name), From = Text(ClosedFrom), Until = Text(ClosedUntil) };

    private static string? Text(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
