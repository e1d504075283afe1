namespace Parley.Analytics.Intervals;

/// <summary>One row of a report: <c>[Start, End)</c> as instants; <see cref="Start"/> carries the tenant's local offset.</summary>
public sealed record IntervalSlot(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;
}
