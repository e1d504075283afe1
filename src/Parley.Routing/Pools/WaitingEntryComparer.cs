namespace Parley.Routing.Pools;

/// <summary>Highest effective priority first, then earliest enqueue time, then arrival order.</summary>
internal sealed class WaitingEntryComparer : IComparer<WaitingEntry>
{
    public static WaitingEntryComparer Instance { get; } = new();

    public int Compare(WaitingEntry x, WaitingEntry y)
    {
        var c = y.Key.CompareTo(x.Key);
        if (c != 0)
        {
            return c;
        }

        c = x.EnqueuedTicks.CompareTo(y.EnqueuedTicks);
        return c != 0 ? c : x.Sequence.CompareTo(y.Sequence);
    }
}
