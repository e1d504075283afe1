namespace Parley.Routing.Strategies;

/// <summary>A doubly linked list of index entries in the order they were linked (head = longest idle).</summary>
internal sealed class EntryList
{
    public IndexEntry? Head { get; private set; }

    public IndexEntry? Tail { get; private set; }

    public bool IsEmpty => Head is null;

    public void Append(IndexEntry entry)
    {
        entry.Previous = Tail;
        entry.Next = null;
        if (Tail is null)
        {
            Head = entry;
        }
        else
        {
            Tail.Next = entry;
        }

        Tail = entry;
    }

    public void Remove(IndexEntry entry)
    {
        if (entry.Previous is null)
        {
            Head = entry.Next;
        }
        else
        {
            entry.Previous.Next = entry.Next;
        }

        if (entry.Next is null)
        {
            Tail = entry.Previous;
        }
        else
        {
            entry.Next.Previous = entry.Previous;
        }

        entry.Previous = null;
        entry.Next = null;
    }
}
