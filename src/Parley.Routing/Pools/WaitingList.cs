namespace Parley.Routing.Pools;

/// <summary>
/// Waiting interactions sorted best first in one array window. The common operations (serve the head, append an
/// arrival that sorts last) are O(1); out-of-order inserts and removals shift the tail with one memory move, and
/// the rank of any entry is a binary search — cheap for queues up to many thousands of entries.
/// </summary>
internal sealed class WaitingList
{
    private WaitingEntry[] _items = new WaitingEntry[8];
    private int _head;

    public int Count { get; private set; }

    public WaitingEntry First => _items[_head];

    public WaitingEntry this[int index] => _items[_head + index];

    public void Add(WaitingEntry entry)
    {
        var index = Count == 0 || Compare(_items[_head + Count - 1], entry) < 0 ? Count : Search(entry);
        if (index < 0)
        {
            index = ~index;
        }

        MakeRoomAtTail();
        Array.Copy(_items, _head + index, _items, _head + index + 1, Count - index);
        _items[_head + index] = entry;
        Count++;
    }

    public bool Remove(WaitingEntry entry)
    {
        var index = IndexOf(entry);
        if (index < 0)
        {
            return false;
        }

        if (index == 0)
        {
            _items[_head] = default;
            _head++;
        }
        else
        {
            Array.Copy(_items, _head + index + 1, _items, _head + index, Count - index - 1);
            _items[_head + Count - 1] = default;
        }

        Count--;
        if (Count == 0)
        {
            _head = 0;
        }

        return true;
    }

    /// <summary>Zero-based position of <paramref name="entry"/>, or -1.</summary>
    public int IndexOf(WaitingEntry entry)
    {
        var index = Search(entry);
        return index >= 0 ? index : -1;
    }

    private int Search(WaitingEntry entry)
    {
        int low = 0, high = Count - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) >> 1);
            var c = Compare(_items[_head + mid], entry);
            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return ~low;
    }

    private void MakeRoomAtTail()
    {
        if (_head + Count < _items.Length)
        {
            return;
        }

        var target = Count < _items.Length / 2 ? _items : new WaitingEntry[_items.Length * 2];
        Array.Copy(_items, _head, target, 0, Count);
        if (target == _items)
        {
            Array.Clear(_items, Count, _items.Length - Count);
        }

        _items = target;
        _head = 0;
    }

    private static int Compare(WaitingEntry x, WaitingEntry y) => WaitingEntryComparer.Instance.Compare(x, y);
}
