using Parley.Cluster.Routing.Ports;
using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Queues;
using Parley.Routing.Restore;
using Parley.Routing.Skills;

namespace Parley.Bench.Cluster;

/// <summary>
/// The bench tenant's store: 1,000 agents, 20 queues, 10 skills; saves are counted, not written, so the figure is the
/// grain host's own cost (the database is measured elsewhere).
/// </summary>
internal sealed class BenchRoutingStore : IRoutingStore
{
    public const int Agents = 1_000;
    public const int Queues = 20;
    public const int Skills = 10;

    private long _saves;

    public long Saves => Interlocked.Read(ref _saves);

    public static string QueueId(int n) => $"q{n}";

    public static string AgentId(int n) => $"a{n}";

    public Task<long> ClaimAsync(Guid tenantId, CancellationToken cancellationToken) => Task.FromResult(1L);

    public Task<TenantRoutingData> LoadAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var queues = Enumerable.Range(0, Queues).Select(q => new QueueDefinition(new QueueId(QueueId(q)), [Channel.Voice, Channel.Chat])
        {
            RequiredSkills = [new SkillRequirement(new SkillId($"s{q % Skills}"))],
        }).ToList();
        var agents = Enumerable.Range(0, Agents).Select(a => new AgentDefinition(
            new AgentId(AgentId(a)),
            [new AgentSkill(new SkillId($"s{a % Skills}"), 3), new AgentSkill(new SkillId($"s{(a + 1) % Skills}"), 2)],
            new Dictionary<Channel, int> { [Channel.Voice] = 1, [Channel.Chat] = 2 })).ToList();
        return Task.FromResult(new TenantRoutingData(queues, agents, new RoutingRestoreState([], [], []), 0));
    }

    public Task<AgentDefinition?> LoadAgentAsync(Guid tenantId, string agentId, CancellationToken cancellationToken) => Task.FromResult<AgentDefinition?>(null);

    public Task<QueueDefinition?> LoadQueueAsync(Guid tenantId, string queueId, CancellationToken cancellationToken) => Task.FromResult<QueueDefinition?>(null);

    public Task SaveAsync(Guid tenantId, long epoch, RoutingChanges changes, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _saves);
        return Task.CompletedTask;
    }
}
