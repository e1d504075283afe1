using Parley.Routing.Channels;

namespace Parley.Routing.Strategies;

/// <summary>
/// Available agents holding one skill (or any agent, for the any-skill index) on one channel, bucketed by
/// proficiency (0–5) and load tier (interactions in hand, 0–8+), each bucket in idle order. An agent sits in a
/// handful of these (skills × channels), so a state change costs a few list operations, not one per queue.
/// </summary>
internal sealed class SkillIndex
{
    public const int LoadTiers = 9;
    public const int Proficiencies = 6;

    private readonly EntryList[] _buckets = new EntryList[Proficiencies * LoadTiers];

    public SkillIndex(Channel channel)
    {
        Channel = channel;
        for (var i = 0; i < _buckets.Length; i++)
        {
            _buckets[i] = new EntryList();
        }
    }

    public Channel Channel { get; }

    public int Count { get; private set; }

    /// <summary>Bit b set when bucket b is not empty.</summary>
    public ulong NonEmpty { get; private set; }

    public static int BucketOf(int proficiency, int loadTier) => (proficiency * LoadTiers) + loadTier;

    public EntryList Bucket(int bucket) => _buckets[bucket];

    public void Link(IndexEntry entry, int loadTier, long sequence)
    {
        var bucket = BucketOf(entry.Proficiency, Math.Min(loadTier, LoadTiers - 1));
        entry.Bucket = bucket;
        entry.LinkSequence = sequence;
        _buckets[bucket].Append(entry);
        NonEmpty |= 1UL << bucket;
        Count++;
    }

    public void Unlink(IndexEntry entry)
    {
        if (entry.Bucket < 0)
        {
            return;
        }

        var list = _buckets[entry.Bucket];
        list.Remove(entry);
        if (list.IsEmpty)
        {
            NonEmpty &= ~(1UL << entry.Bucket);
        }

        entry.Bucket = -1;
        Count--;
    }
}
