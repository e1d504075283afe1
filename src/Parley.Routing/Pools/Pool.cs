using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Routing.Pools;

/// <summary>
/// The routing unit: one queue on one channel. Holds the waiting interactions in priority order and the member
/// agents (for agent-driven matching, round-robin and statistics). Available agents live in skill indexes.
/// </summary>
internal sealed class Pool(QueueRuntime queue, Channel channel)
{
    public QueueRuntime Queue { get; } = queue;

    public Channel Channel { get; } = channel;

    public WaitingList Waiting { get; } = new();

    /// <summary>All members in agent creation order (round-robin walks it).</summary>
    public List<PoolMember> Members { get; } = [];

    public int RoundRobinCursor { get; set; }

    /// <summary>Summed channel capacity of staffed members (signed in, not not-ready).</summary>
    public int StaffedSlots { get; set; }

    /// <summary>Waiting interactions carrying their own skill requirements.</summary>
    public int WithExtraCount { get; set; }

    /// <summary>The best waiting interaction <paramref name="agent"/>, a member from ring <paramref name="memberLevel"/>, may take, or null.</summary>
    public InteractionRuntime? FirstEligible(AgentRuntime agent, int memberLevel)
    {
        if (Waiting.Count == 0)
        {
            return null;
        }

        if (memberLevel == 0 && WithExtraCount == 0)
        {
            return Waiting.First.Interaction;
        }

        for (var i = 0; i < Waiting.Count; i++)
        {
            var interaction = Waiting[i].Interaction;
            if (interaction.Level >= memberLevel && (interaction.Extra.Length == 0 || DefinitionRules.Meets(agent, interaction.Extra, skip: -1)))
            {
                return interaction;
            }
        }

        return null;
    }
}
