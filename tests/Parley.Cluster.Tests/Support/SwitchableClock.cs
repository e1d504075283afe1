using Microsoft.Extensions.Time.Testing;

namespace Parley.Cluster.Tests.Support;

/// <summary>
/// The fake-clock silo's <see cref="TimeProvider"/>: delegates to the <see cref="FakeTimeProvider"/> the current test
/// installed with <see cref="Use"/>, so each test starts its own clock at the instant it needs (a fake clock never
/// goes back). Grains activated by an earlier test keep timers on that test's clock, which no longer moves.
/// </summary>
public sealed class SwitchableClock : TimeProvider
{
    private static FakeTimeProvider s_current = new();

    public static SwitchableClock Instance { get; } = new();

    public static FakeTimeProvider Use(DateTimeOffset start)
    {
        var clock = new FakeTimeProvider(start);
        Volatile.Write(ref s_current, clock);
        return clock;
    }

    private static FakeTimeProvider Current => Volatile.Read(ref s_current);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => Current.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => Current.GetUtcNow();

    public override long GetTimestamp() => Current.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Current.CreateTimer(callback, state, dueTime, period);
}
