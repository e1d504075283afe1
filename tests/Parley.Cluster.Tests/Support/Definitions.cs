using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Queues;
using Parley.Routing.Skills;

namespace Parley.Cluster.Tests.Support;

/// <summary>A small tenant: queues "sales" and "support" (voice and chat), agents that hold both skills.</summary>
public static class Definitions
{
    public static QueueDefinition Queue(string id) =>
        new(new QueueId(id), [Channel.Voice, Channel.Chat]) { RequiredSkills = [new SkillRequirement(new SkillId(id))] };

    public static AgentDefinition Agent(string id) =>
        new(new AgentId(id), [new AgentSkill(new SkillId("sales"), 3), new AgentSkill(new SkillId("support"), 4)],
            new Dictionary<Channel, int> { [Channel.Voice] = 1, [Channel.Chat] = 2 });

    public static Guid NewTenant(InMemoryRoutingStore store, int agents = 2)
    {
        var tenant = Guid.NewGuid();
        store.Define(tenant, Queue("sales"));
        store.Define(tenant, Queue("support"));
        for (var i = 1; i <= agents; i++)
        {
            store.Define(tenant, Agent($"agent-{i}"));
        }

        return tenant;
    }
}
