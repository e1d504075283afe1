namespace Parley.Routing.Timers;

/// <summary>All of the engine's deadlines in one heap, driven by the host's single heartbeat.</summary>
internal sealed class TimerQueue
{
    private readonly PriorityQueue<TimerEntry, (long Due, long Sequence)> _heap = new();
    private long _sequence;

    public int Count => _heap.Count;

    public void Schedule(long dueTicks, TimerEntry entry) => _heap.Enqueue(entry, (dueTicks, ++_sequence));

    public bool TryPeekDue(out long dueTicks)
    {
        if (_heap.TryPeek(out _, out var priority))
        {
            dueTicks = priority.Due;
            return true;
        }

        dueTicks = 0;
        return false;
    }

    public bool TryDequeueDue(long nowTicks, out TimerEntry entry)
    {
        if (_heap.TryPeek(out entry, out var priority) && priority.Due <= nowTicks)
        {
            _heap.Dequeue();
            return true;
        }

        entry = default;
        return false;
    }

    public void Clear() => _heap.Clear();
}
