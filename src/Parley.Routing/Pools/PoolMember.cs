using Parley.Routing.Agents;

namespace Parley.Routing.Pools;

/// <summary>
/// An agent's membership of one pool, and its node in the pool's intrusive lists of available agents.
/// Linked (<see cref="Bucket"/> ≥ 0) exactly when the agent can take an interaction of the pool's channel.
/// </summary>
internal sealed class PoolMember(AgentRuntime agent, Pool pool, int level, int score)
{
    public AgentRuntime Agent { get; } = agent;

    public Pool Pool { get; } = pool;

    /// <summary>The first bullseye ring whose requirements the agent meets.</summary>
    public int Level { get; } = level;

    /// <summary>Summed proficiency on the queue's own requirements (best-match strategy).</summary>
    public int Score { get; } = score;

    public int Bucket { get; set; } = -1;

    public long LinkSequence { get; set; }

    public PoolMember? Previous { get; set; }

    public PoolMember? Next { get; set; }
}
