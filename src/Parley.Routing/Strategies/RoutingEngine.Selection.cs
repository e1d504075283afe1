using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Interactions;
using Parley.Routing.Strategies;
using Parley.Routing.Pools;
using Parley.Routing.Queues;
using Parley.Routing.Skills;

namespace Parley.Routing;

public sealed partial class RoutingEngine
{
    private static readonly ulong[] TierMask = BuildTierMasks();
    private readonly List<SkillIndex?> _skillIndexes = [];
    private readonly SkillIndex[] _anyIndexes = [.. Enumerable.Range(0, ChannelInfo.Count).Select(c => new SkillIndex((Channel)c))];
    private readonly SkillRegistry _skills = new();
    private readonly IndexEntry?[] _cursors = new IndexEntry?[SkillIndex.Proficiencies * SkillIndex.LoadTiers];

    /// <summary>Whether some queue ring has no required skill; only then do agents need any-skill index entries.</summary>
    private bool _anyIndexUsed;

    /// <summary>
    /// The agent to offer an interaction of <paramref name="pool"/> at bullseye ring <paramref name="level"/> to, or
    /// null. Scans the index of the rarest required skill in strategy order and returns the first agent meeting the
    /// other requirements; <paramref name="commit"/> false leaves the round-robin cursor alone.
    /// </summary>
    private AgentRuntime? SelectAgent(Pool pool, int level, InteractionRuntime? interaction, bool commit = true)
    {
        var queue = pool.Queue;
        var ring = Math.Min(level, queue.Resolved.Length - 1);
        var extra = interaction?.Extra ?? [];
        if (queue.Definition.Selection == AgentSelection.RoundRobin)
        {
            return SelectRoundRobin(pool, ring, extra, commit);
        }

        var requirements = extra.Length == 0 ? queue.Resolved[ring] : Combined(interaction!, ring);
        var index = _anyIndexes[(int)pool.Channel];
        var scan = -1;
        for (var k = 0; k < requirements.Length; k++)
        {
            var candidate = IndexOf(requirements[k].Skill, pool.Channel);
            if (candidate is null || candidate.Count == 0)
            {
                return null;
            }

            if (scan < 0 || candidate.Count < index.Count)
            {
                index = candidate;
                scan = k;
            }
        }

        if (index.Count == 0)
        {
            return null;
        }

        var minMask = ~((1UL << ((scan < 0 ? 0 : requirements[scan].MinProficiency) * SkillIndex.LoadTiers)) - 1);
        switch (queue.Definition.Selection)
        {
            case AgentSelection.LeastOccupied:
                for (var tier = 0; tier < SkillIndex.LoadTiers; tier++)
                {
                    var agent = Scan(index, minMask & TierMask[tier], requirements, scan);
                    if (agent is not null)
                    {
                        return agent;
                    }
                }

                return null;
            case AgentSelection.BestSkillMatch when requirements.Length > 1:
                return ScanBestSum(index, minMask, requirements, scan);
            case AgentSelection.BestSkillMatch:
                for (var proficiency = SkillIndex.Proficiencies - 1; proficiency >= 0; proficiency--)
                {
                    var mask = minMask & (0x1FFUL << (proficiency * SkillIndex.LoadTiers));
                    var agent = mask == 0 ? null : Scan(index, mask, requirements, scan);
                    if (agent is not null)
                    {
                        return agent;
                    }
                }

                return null;
            default:
                return Scan(index, minMask, requirements, scan);
        }
    }

    /// <summary>Walks the buckets in <paramref name="mask"/> merged in idle order; first agent meeting the requirements wins.</summary>
    private AgentRuntime? Scan(SkillIndex index, ulong mask, ResolvedRequirement[] requirements, int scanned)
    {
        mask &= index.NonEmpty;
        if (mask == 0)
        {
            return null;
        }

        var single = requirements.Length - (scanned < 0 ? 0 : 1) == 0;
        if ((mask & (mask - 1)) == 0)
        {
            for (var entry = index.Bucket(System.Numerics.BitOperations.TrailingZeroCount(mask)).Head; entry is not null; entry = entry.Next)
            {
                if (single || DefinitionRules.Meets(entry.Agent, requirements, scanned))
                {
                    return entry.Agent;
                }
            }

            return null;
        }

        var n = 0;
        while (mask != 0)
        {
            var bucket = System.Numerics.BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
            _cursors[n++] = index.Bucket(bucket).Head;
        }

        while (true)
        {
            var best = -1;
            for (var j = 0; j < n; j++)
            {
                if (_cursors[j] is { } c && (best < 0 || c.LinkSequence < _cursors[best]!.LinkSequence))
                {
                    best = j;
                }
            }

            if (best < 0)
            {
                return null;
            }

            var entry = _cursors[best]!;
            if (single || DefinitionRules.Meets(entry.Agent, requirements, scanned))
            {
                return entry.Agent;
            }

            _cursors[best] = entry.Next;
        }
    }

    /// <summary>
    /// Best match over several skills: the highest summed proficiency on all requirements, then longest idle. Visits
    /// the available holders of the scanned skill, stopping early at a perfect score.
    /// </summary>
    private static AgentRuntime? ScanBestSum(SkillIndex index, ulong mask, ResolvedRequirement[] requirements, int scanned)
    {
        mask &= index.NonEmpty;
        var perfect = 5 * requirements.Length;
        IndexEntry? best = null;
        var bestScore = -1;
        while (mask != 0)
        {
            var bucket = System.Numerics.BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
            for (var entry = index.Bucket(bucket).Head; entry is not null; entry = entry.Next)
            {
                if (!DefinitionRules.Meets(entry.Agent, requirements, scanned))
                {
                    continue;
                }

                var score = 0;
                foreach (var requirement in requirements)
                {
                    score += entry.Agent.ProficiencyOf(requirement.Skill);
                }

                if (score > bestScore || (score == bestScore && entry.LinkSequence < best!.LinkSequence))
                {
                    (best, bestScore) = (entry, score);
                    if (score == perfect)
                    {
                        return entry.Agent;
                    }
                }
            }
        }

        return best?.Agent;
    }

    private static ResolvedRequirement[] Combined(InteractionRuntime interaction, int ring)
    {
        var combined = interaction.Combined ??= new ResolvedRequirement[]?[interaction.Queue.Resolved.Length];
        return combined[ring] ??= [.. interaction.Queue.Resolved[ring], .. interaction.Extra];
    }

    private static AgentRuntime? SelectRoundRobin(Pool pool, int ring, ResolvedRequirement[] extra, bool commit)
    {
        var members = pool.Members;
        var count = members.Count;
        for (var i = 0; i < count; i++)
        {
            var index = (pool.RoundRobinCursor + i) % count;
            var member = members[index];
            if (member.Level <= ring && member.Agent.CanTake(pool.Channel) && DefinitionRules.Meets(member.Agent, extra, skip: -1))
            {
                if (commit)
                {
                    pool.RoundRobinCursor = index + 1;
                }

                return member.Agent;
            }
        }

        return null;
    }

    private SkillIndex? IndexOf(int skill, Channel channel)
    {
        var at = (skill * ChannelInfo.Count) + (int)channel;
        return at < _skillIndexes.Count ? _skillIndexes[at] : null;
    }

    private SkillIndex IndexFor(int skill, Channel channel)
    {
        var at = (skill * ChannelInfo.Count) + (int)channel;
        while (_skillIndexes.Count <= at)
        {
            _skillIndexes.Add(null);
        }

        return _skillIndexes[at] ??= new SkillIndex(channel);
    }

    /// <summary>Creates the agent's index entries: per channel with capacity, the any-skill index and one per skill.</summary>
    private void BuildEntries(AgentRuntime agent)
    {
        foreach (var entry in agent.Entries)
        {
            entry.Index.Unlink(entry);
        }

        agent.Entries.Clear();
        for (var c = 0; c < ChannelInfo.Count; c++)
        {
            if (agent.Capacity[c] <= 0)
            {
                continue;
            }

            if (_anyIndexUsed)
            {
                agent.Entries.Add(new IndexEntry(agent, _anyIndexes[c], 0));
            }

            for (var skill = 0; skill < agent.Proficiency.Length; skill++)
            {
                if (agent.Proficiency[skill] > 0)
                {
                    agent.Entries.Add(new IndexEntry(agent, IndexFor(skill, (Channel)c), agent.Proficiency[skill]));
                }
            }
        }
    }

    /// <summary>The first queue without requirements gives every agent their any-skill entries.</summary>
    private void UseAnyIndexFor(QueueRuntime queue)
    {
        if (_anyIndexUsed || !queue.Resolved.Any(ring => ring.Length == 0))
        {
            return;
        }

        _anyIndexUsed = true;
        foreach (var agent in _agentList)
        {
            BuildEntries(agent);
            Relink(agent);
        }
    }

    private static ulong[] BuildTierMasks()
    {
        var masks = new ulong[SkillIndex.LoadTiers];
        for (var tier = 0; tier < masks.Length; tier++)
        {
            for (var proficiency = 0; proficiency < SkillIndex.Proficiencies; proficiency++)
            {
                masks[tier] |= 1UL << SkillIndex.BucketOf(proficiency, tier);
            }
        }

        return masks;
    }
}
