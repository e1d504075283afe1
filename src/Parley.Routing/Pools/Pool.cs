using Parley.Routing.Channels;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Routing.Pools;

/// <summary>
/// The routing unit: one queue on one channel. Holds the waiting interactions in priority order and the
/// available member agents bucketed by (bullseye level, strategy tier), each bucket in idle order.
/// </summary>
internal sealed class Pool
{
    /// <summary>Least-occupied tiers: agents holding this many interactions or more share the last tier.</summary>
    public const int MaxLoadTier = 8;

    private readonly MemberList[] _buckets;

    public Pool(QueueRuntime queue, Channel channel)
    {
        Queue = queue;
        Channel = channel;
        Levels = queue.Levels.Length;
        Tiers = queue.Definition.Selection switch
        {
            AgentSelection.LeastOccupied => MaxLoadTier + 1,
            AgentSelection.BestSkillMatch => queue.MaxScore + 1,
            _ => 1,
        };
        _buckets = new MemberList[Levels * Tiers];
        for (var i = 0; i < _buckets.Length; i++)
        {
            _buckets[i] = new MemberList();
        }
    }

    public QueueRuntime Queue { get; }

    public Channel Channel { get; }

    public int Levels { get; }

    public int Tiers { get; }

    public SortedSet<WaitingEntry> Waiting { get; } = new(WaitingEntryComparer.Instance);

    /// <summary>All members in agent creation order (round-robin walks it).</summary>
    public List<PoolMember> Members { get; } = [];

    public int RoundRobinCursor { get; set; }

    public int AvailableCount { get; private set; }

    /// <summary>Summed channel capacity of staffed members (signed in, not not-ready).</summary>
    public int StaffedSlots { get; set; }

    public void Link(PoolMember member, long sequence)
    {
        var tier = Queue.Definition.Selection switch
        {
            AgentSelection.LeastOccupied => Math.Min(member.Agent.TotalLoad, MaxLoadTier),
            AgentSelection.BestSkillMatch => Queue.MaxScore - member.Score,
            _ => 0,
        };
        member.Bucket = (member.Level * Tiers) + tier;
        member.LinkSequence = sequence;
        _buckets[member.Bucket].Append(member);
        AvailableCount++;
    }

    public void Unlink(PoolMember member)
    {
        if (member.Bucket < 0)
        {
            return;
        }

        _buckets[member.Bucket].Remove(member);
        member.Bucket = -1;
        AvailableCount--;
    }

    /// <summary>The member to offer an interaction at bullseye <paramref name="level"/> to, or null.</summary>
    public PoolMember? SelectMember(int level)
    {
        if (AvailableCount == 0)
        {
            return null;
        }

        var maxLevel = Math.Min(level, Levels - 1);
        if (Queue.Definition.Selection == AgentSelection.RoundRobin)
        {
            return SelectRoundRobin(maxLevel);
        }

        for (var tier = 0; tier < Tiers; tier++)
        {
            PoolMember? best = null;
            for (var l = 0; l <= maxLevel; l++)
            {
                var head = _buckets[(l * Tiers) + tier].Head;
                if (head is not null && (best is null || head.LinkSequence < best.LinkSequence))
                {
                    best = head;
                }
            }

            if (best is not null)
            {
                return best;
            }
        }

        return null;
    }

    /// <summary>The best waiting interaction an agent at <paramref name="memberLevel"/> may take, or null.</summary>
    public InteractionRuntime? FirstEligible(int memberLevel)
    {
        if (Waiting.Count == 0)
        {
            return null;
        }

        if (memberLevel == 0)
        {
            return Waiting.Min.Interaction;
        }

        foreach (var entry in Waiting)
        {
            if (entry.Interaction.Level >= memberLevel)
            {
                return entry.Interaction;
            }
        }

        return null;
    }

    private PoolMember? SelectRoundRobin(int maxLevel)
    {
        var count = Members.Count;
        for (var i = 0; i < count; i++)
        {
            var index = (RoundRobinCursor + i) % count;
            var member = Members[index];
            if (member.Bucket >= 0 && member.Level <= maxLevel)
            {
                RoundRobinCursor = index + 1;
                return member;
            }
        }

        return null;
    }
}
