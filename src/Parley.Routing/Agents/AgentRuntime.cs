using Parley.Routing.Channels;
using Parley.Routing.Interactions;
using Parley.Routing.Strategies;
using Parley.Routing.Pools;
using Parley.Routing.Skills;

namespace Parley.Routing.Agents;

/// <summary>Live state of one agent: selection, load per channel, work in hand and pool memberships.</summary>
internal sealed class AgentRuntime(AgentDefinition definition, int order)
{
    public AgentId Id => Definition.Id;

    public AgentDefinition Definition { get; set; } = definition;

    /// <summary>Creation order: the fixed circle of round-robin and the tie-break of restores.</summary>
    public int Order { get; } = order;

    public int[] Capacity { get; } = new int[ChannelInfo.Count];

    public int[] Load { get; } = new int[ChannelInfo.Count];

    public int TotalLoad { get; set; }

    public int RealTimeLoad { get; set; }

    /// <summary>Proficiency by skill number (0 = skill not held).</summary>
    public int[] Proficiency { get; private set; } = [];

    /// <summary>Nodes in the skill indexes: per channel with capacity, one any-skill entry and one per skill.</summary>
    public List<IndexEntry> Entries { get; } = [];

    public bool SignedIn { get; set; }

    public bool SignOutPending { get; set; }

    /// <summary>The not-ready reason the agent selected, or null when they selected available.</summary>
    public string? NotReadyReason { get; set; }

    public AgentState State { get; set; } = AgentState.LoggedOut;

    public string? StateReason { get; set; }

    public long StateSinceTicks { get; set; }

    public int Ringing { get; set; }

    /// <summary>Interactions offered to or accepted by the agent.</summary>
    public List<InteractionRuntime> Work { get; } = [];

    public List<WrapUpItem> WrapUps { get; } = [];

    public List<InteractionRuntime> PreferredWaiting { get; } = [];

    public int MissedInRow { get; set; }

    public List<PoolMember> Members { get; } = [];

    public bool Staffed { get; set; }

    /// <summary>Whether the agent takes offers at all right now (before channel capacity).</summary>
    public bool Ready => SignedIn && !SignOutPending && NotReadyReason is null && WrapUps.Count == 0;

    public bool CanTake(Channel channel)
    {
        if (!Ready)
        {
            return false;
        }

        var c = (int)channel;
        if (Load[c] >= Capacity[c])
        {
            return false;
        }

        return Definition.CrossChannel switch
        {
            CrossChannelRule.RealTimeBlocksOthers => RealTimeLoad - (ChannelInfo.IsRealTime(channel) ? Load[c] : 0) == 0,
            CrossChannelRule.Exclusive => TotalLoad - Load[c] == 0,
            _ => true,
        };
    }

    public void AddLoad(Channel channel, int delta)
    {
        Load[(int)channel] += delta;
        TotalLoad += delta;
        if (ChannelInfo.IsRealTime(channel))
        {
            RealTimeLoad += delta;
        }
    }

    public int ProficiencyOf(int skill) => skill < Proficiency.Length ? Proficiency[skill] : 0;

    public void Configure(AgentDefinition definition, SkillRegistry skills)
    {
        Definition = definition;
        Array.Clear(Capacity);
        foreach (var (channel, capacity) in definition.Capacities)
        {
            Capacity[(int)channel] = capacity;
        }

        foreach (var skill in definition.Skills)
        {
            skills.Resolve(skill.Skill);
        }

        Proficiency = new int[skills.Count];
        foreach (var skill in definition.Skills)
        {
            Proficiency[skills.Resolve(skill.Skill)] = skill.Proficiency;
        }
    }

    public AgentState ComputeState() =>
        !SignedIn ? AgentState.LoggedOut
        : Ringing > 0 ? AgentState.Reserved
        : Work.Count > 0 ? AgentState.Busy
        : WrapUps.Count > 0 ? AgentState.AfterCallWork
        : NotReadyReason is not null ? AgentState.NotReady
        : AgentState.Available;
}
