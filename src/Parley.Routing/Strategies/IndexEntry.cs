using Parley.Routing.Agents;

namespace Parley.Routing.Strategies;

/// <summary>
/// An agent's node in one <see cref="SkillIndex"/>. Linked (<see cref="Bucket"/> ≥ 0) exactly when the agent can
/// take an interaction of the index's channel right now.
/// </summary>
internal sealed class IndexEntry(AgentRuntime agent, SkillIndex index, int proficiency)
{
    public AgentRuntime Agent { get; } = agent;

    public SkillIndex Index { get; } = index;

    /// <summary>The agent's proficiency in the index's skill (0 in a channel's any-skill index).</summary>
    public int Proficiency { get; } = proficiency;

    public int Bucket { get; set; } = -1;

    public long LinkSequence { get; set; }

    public IndexEntry? Previous { get; set; }

    public IndexEntry? Next { get; set; }
}
