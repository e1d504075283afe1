namespace Parley.Flows.Schedules;

/// <summary>
/// Opening hours on one weekday, local wall-clock time <c>HH:mm</c>. <see cref="Close"/> may be <c>24:00</c>;
/// a close earlier than the open runs past midnight into the next day.
/// </summary>
public sealed class WeeklyHours
{
    public DayOfWeek Day { get; init; }
    public string Open { get; init; } = "00:00";
    public string Close { get; init; } = "24:00";
}
