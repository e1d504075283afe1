namespace Parley.Analytics.Intervals;

/// <summary>
/// Cuts <c>[from, to)</c> into report rows on the tenant's local clock. Quarter hours and hours are the instants where
/// the local clock shows :00/:15/:30/:45 (or :00), so a spring-forward day has 23 hourly rows and a fall-back day has
/// 25 (the repeated local hour appears twice, once per offset). Days start at local midnight and weeks on Monday at local
/// midnight; the first and last rows are clipped to the range.
/// </summary>
public sealed class IntervalCalendar
{
    /// <summary>The most rows one report may have.</summary>
    public const int MaxSlots = 50_000;

    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);
    private readonly DateTimeOffset[] _starts;

    private IntervalCalendar(IReadOnlyList<IntervalSlot> slots)
    {
        Slots = slots;
        _starts = slots.Select(s => s.Start).ToArray();
    }

    public IReadOnlyList<IntervalSlot> Slots { get; }

    public static IntervalCalendar Create(DateTimeOffset from, DateTimeOffset to, ReportInterval interval, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (to <= from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), "The range must end after it starts.");
        }

        var boundaries = interval switch
        {
            ReportInterval.FifteenMinutes => ClockBoundaries(from, to, zone, everyMinutes: 15),
            ReportInterval.Hour => ClockBoundaries(from, to, zone, everyMinutes: 60),
            ReportInterval.Day => DateBoundaries(from, to, zone, days: 1),
            ReportInterval.Week => DateBoundaries(from, to, zone, days: 7),
            ReportInterval.Total => [],
            _ => throw new ArgumentOutOfRangeException(nameof(interval)),
        };

        var slots = new List<IntervalSlot>();
        var start = from;
        foreach (var boundary in boundaries)
        {
            if (boundary > start && boundary < to)
            {
                slots.Add(Slot(start, boundary, zone));
                start = boundary;
                if (slots.Count >= MaxSlots)
                {
                    throw new ArgumentOutOfRangeException(nameof(interval), $"The range has more than {MaxSlots} intervals.");
                }
            }
        }

        slots.Add(Slot(start, to, zone));
        return new IntervalCalendar(slots);
    }

    /// <summary>The row holding <paramref name="instant"/>, or -1 when it is outside the range.</summary>
    public int IndexOf(DateTimeOffset instant)
    {
        if (instant < _starts[0] || instant >= Slots[^1].End)
        {
            return -1;
        }

        var index = Array.BinarySearch(_starts, instant);
        return index >= 0 ? index : ~index - 1;
    }

    private static IntervalSlot Slot(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone) =>
        new(TimeZoneInfo.ConvertTime(start, zone), TimeZoneInfo.ConvertTime(end, zone));

    private static IEnumerable<DateTimeOffset> ClockBoundaries(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, int everyMinutes)
    {
        // Every offset in use is a whole number of quarter hours, so local quarter hours are UTC quarter hours.
        var utc = from.ToUniversalTime();
        var mark = new DateTimeOffset(utc.Ticks - (utc.Ticks % Quarter.Ticks), TimeSpan.Zero);
        for (; mark < to; mark += Quarter)
        {
            if (TimeZoneInfo.ConvertTime(mark, zone).Minute % everyMinutes == 0)
            {
                yield return mark;
            }
        }
    }

    private static IEnumerable<DateTimeOffset> DateBoundaries(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, int days)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime);
        if (days == 7)
        {
            date = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
        }

        for (var mark = LocalMidnight(date, zone); mark < to; mark = LocalMidnight(date, zone))
        {
            yield return mark;
            date = date.AddDays(days);
        }
    }

    private static DateTimeOffset LocalMidnight(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15); // midnight skipped by a DST jump: the day starts when the clock resumes
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
