namespace Parley.Server.Voice.Records;

/// <summary>
/// Timestamps of call records are stored in UTC and whole milliseconds, so that rows compare and page by instant on
/// every provider (SQLite keeps 100 µs) and durations computed from stored and fresh values agree.
/// </summary>
internal static class CallTimes
{
    public static DateTimeOffset Stored(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static DateTimeOffset? Stored(DateTimeOffset? value) => value is { } v ? Stored(v) : null;
}
