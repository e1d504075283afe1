namespace Parley.Routing.Timers;

/// <summary>Deadlines of one duration, in due order.</summary>
internal sealed class TimerLane
{
    public Queue<(long Due, TimerEntry Entry)> Items { get; } = new();

    public long Tail { get; set; } = long.MinValue;
}
