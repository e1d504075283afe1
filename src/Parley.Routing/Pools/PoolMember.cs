using Parley.Routing.Agents;

namespace Parley.Routing.Pools;

/// <summary>An agent's static membership of a pool: they meet the queue's requirements from bullseye ring <see cref="Level"/>.</summary>
internal sealed class PoolMember(AgentRuntime agent, Pool pool, int level)
{
    public AgentRuntime Agent { get; } = agent;

    public Pool Pool { get; } = pool;

    public int Level { get; } = level;
}
