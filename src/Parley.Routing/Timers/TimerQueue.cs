namespace Parley.Routing.Timers;

/// <summary>
/// All of the engine's deadlines, driven by the host's single heartbeat. Deadlines of one duration scheduled
/// from a forward-moving clock arrive in order, so each duration gets a FIFO lane (O(1)); a deadline earlier than
/// its lane's tail (e.g. max wait counted from an earlier queue entry) goes to a heap.
/// </summary>
internal sealed class TimerQueue
{
    private readonly PriorityQueue<TimerEntry, (long Due, long Sequence)> _heap = new();
    private readonly Dictionary<long, TimerLane> _laneByDuration = [];
    private readonly List<TimerLane> _lanes = [];
    private long _sequence;

    public int Count { get; private set; }

    public void Schedule(long dueTicks, long durationTicks, TimerEntry entry)
    {
        Count++;
        if (!_laneByDuration.TryGetValue(durationTicks, out var lane))
        {
            lane = new TimerLane();
            _laneByDuration.Add(durationTicks, lane);
            _lanes.Add(lane);
        }

        if (dueTicks >= lane.Tail)
        {
            lane.Tail = dueTicks;
            lane.Items.Enqueue((dueTicks, entry));
        }
        else
        {
            _heap.Enqueue(entry, (dueTicks, ++_sequence));
        }
    }

    public bool TryPeekDue(out long dueTicks)
    {
        dueTicks = long.MaxValue;
        if (_heap.TryPeek(out _, out var priority))
        {
            dueTicks = priority.Due;
        }

        foreach (var lane in _lanes)
        {
            if (lane.Items.Count > 0 && lane.Items.Peek().Due < dueTicks)
            {
                dueTicks = lane.Items.Peek().Due;
            }
        }

        return dueTicks != long.MaxValue;
    }

    public bool TryDequeueDue(long nowTicks, out TimerEntry entry)
    {
        if (_heap.TryPeek(out entry, out var priority) && priority.Due <= nowTicks)
        {
            _heap.Dequeue();
            Count--;
            return true;
        }

        foreach (var lane in _lanes)
        {
            if (lane.Items.Count > 0 && lane.Items.Peek().Due <= nowTicks)
            {
                entry = lane.Items.Dequeue().Entry;
                Count--;
                return true;
            }
        }

        entry = default;
        return false;
    }
}
