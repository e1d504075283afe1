namespace Parley.Routing.Pools;

/// <summary>A doubly linked list of members in the order they became available (head = longest idle).</summary>
internal sealed class MemberList
{
    public PoolMember? Head { get; private set; }

    public PoolMember? Tail { get; private set; }

    public void Append(PoolMember member)
    {
        member.Previous = Tail;
        member.Next = null;
        if (Tail is null)
        {
            Head = member;
        }
        else
        {
            Tail.Next = member;
        }

        Tail = member;
    }

    public void Remove(PoolMember member)
    {
        if (member.Previous is null)
        {
            Head = member.Next;
        }
        else
        {
            member.Previous.Next = member.Next;
        }

        if (member.Next is null)
        {
            Tail = member.Previous;
        }
        else
        {
            member.Next.Previous = member.Previous;
        }

        member.Previous = null;
        member.Next = null;
    }
}
