namespace Parley.Cluster.Routing;

/// <summary>
/// Tells the heartbeat when the tenant's new local day has begun, so "today" queue statistics (answered, abandoned,
/// service level) start again at local midnight. The end of the day is computed in the tenant's zone, never as
/// start + 24 h, so days of 23 or 25 hours (DST changes) end at the right instant.
/// </summary>
internal sealed class DailyRollover
{
    private DateTimeOffset _ends;

    public DailyRollover(TimeZoneInfo zone, DateTimeOffset now)
    {
        Zone = zone;
        Day = LocalDate(zone, now);
        _ends = StartOf(zone, Day.AddDays(1));
    }

    /// <summary>The zone whose midnight starts a day.</summary>
    public TimeZoneInfo Zone { get; private set; }

    /// <summary>The local date that "today" statistics are for.</summary>
    public DateOnly Day { get; private set; }

    /// <summary>The instant the current day ends (next local midnight).</summary>
    public DateTimeOffset Ends => _ends;

    /// <summary>True once for the first instant seen on a later local day than the last one.</summary>
    public bool Crossed(DateTimeOffset now)
    {
        if (now < _ends)
        {
            return false;
        }

        Day = LocalDate(Zone, now);
        _ends = StartOf(Zone, Day.AddDays(1));
        return true;
    }

    /// <summary>
    /// Moves to another zone without resetting: "today" becomes the local date in the new zone now, and the next
    /// reset happens at that zone's next midnight.
    /// </summary>
    public void ChangeZone(TimeZoneInfo zone, DateTimeOffset now)
    {
        Zone = zone;
        Day = LocalDate(zone, now);
        _ends = StartOf(zone, Day.AddDays(1));
    }

    public static DateOnly LocalDate(TimeZoneInfo zone, DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>
    /// The first instant of <paramref name="day"/> in <paramref name="zone"/>: local midnight; when a DST gap
    /// skips midnight, the end of the gap; when midnight occurs twice, its first occurrence.
    /// </summary>
    public static DateTimeOffset StartOf(TimeZoneInfo zone, DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(midnight))
        {
            // Clocks jump over midnight: the offset in force just before the gap maps midnight onto the jump.
            offset = zone.GetUtcOffset(midnight.AddHours(-12));
        }
        else if (zone.IsAmbiguousTime(midnight))
        {
            offset = zone.GetAmbiguousTimeOffsets(midnight).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(midnight);
        }

        return new DateTimeOffset(midnight, offset).ToUniversalTime();
    }
}
