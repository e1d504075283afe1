using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Pools;
using Parley.Routing.Skills;

namespace Parley.Routing.Queues;

/// <summary>Live state of one queue: its pools (one per channel), members and today's counters.</summary>
internal sealed class QueueRuntime
{
    public QueueRuntime(QueueDefinition definition, SkillRegistry skills)
    {
        Definition = definition;
        var levels = new SkillRequirement[definition.Bullseye.Count + 1][];
        var after = new long[levels.Length];
        levels[0] = [.. definition.RequiredSkills];
        for (var i = 0; i < definition.Bullseye.Count; i++)
        {
            levels[i + 1] = [.. definition.Bullseye[i].RequiredSkills];
            after[i + 1] = definition.Bullseye[i].After.Ticks;
        }

        Levels = levels;
        LevelAfterTicks = after;
        Resolved = [.. levels.Select(l => l.Select(r => new ResolvedRequirement(skills.Resolve(r.Skill), r.MinProficiency)).ToArray())];
        AgingPerSecond = definition.AgingPerMinute / 60.0;
        foreach (var channel in definition.Channels)
        {
            Pools[(int)channel] ??= new Pool(this, channel);
        }

        PoolList = [.. Pools.Where(p => p is not null).Select(p => p!)];
    }

    public QueueDefinition Definition { get; }

    public QueueId Id => Definition.Id;

    /// <summary>Requirements per bullseye ring; ring 0 is the queue's own.</summary>
    public SkillRequirement[][] Levels { get; }

    public long[] LevelAfterTicks { get; }

    /// <summary><see cref="Levels"/> with numbered skills.</summary>
    public ResolvedRequirement[][] Resolved { get; }

    public double AgingPerSecond { get; }

    public Pool?[] Pools { get; } = new Pool?[ChannelInfo.Count];

    /// <summary>The queue's pools, an array so that hot loops over it do not box an enumerator.</summary>
    public Pool[] PoolList { get; }

    public HashSet<AgentRuntime> Agents { get; } = [];

    public bool Removed { get; set; }

    /// <summary>Interactions waiting in any pool or for a preferred agent.</summary>
    public int WaitingCount { get; set; }

    public double AverageHandleSeconds { get; set; } = -1;

    public int Answered { get; set; }

    public int AnsweredWithinTarget { get; set; }

    public int Abandoned { get; set; }

    public int Overflowed { get; set; }

    public bool Dirty { get; set; }

    public int LevelAt(long waitedTicks)
    {
        var level = 0;
        while (level + 1 < LevelAfterTicks.Length && LevelAfterTicks[level + 1] <= waitedTicks)
        {
            level++;
        }

        return level;
    }
}
