using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Cluster.Routing;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Data.Tenancy;

namespace Parley.Bench.Dashboard;

/// <summary>Adds <c>agents</c> agents (users without passwords) and <c>queues</c> chat queues to the demo tenant and loads them into its routing grain.</summary>
internal static class Floor
{
    public static async Task<(Guid TenantId, IReadOnlyList<Guid> Agents)> BuildAsync(IServiceProvider services, int agents, int queues)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var tenantId = await db.Tenants.Where(t => t.Slug == "demo").Select(t => t.Id).SingleAsync();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
        var now = DateTimeOffset.UnixEpoch;
        var skills = Enumerable.Range(0, 10).Select(i => new Skill { Id = Guid.CreateVersion7(), TenantId = tenantId, Name = $"bench-skill-{i}", CreatedAt = now }).ToList();
        db.Skills.AddRange(skills);
        var queueRows = Enumerable.Range(0, queues).Select(i => new Queue
        {
            Id = Guid.CreateVersion7(), TenantId = tenantId, Name = $"Bench {i:00}", Channels = ["Chat"],
            RequiredSkills = [new() { SkillId = skills[i % skills.Count].Id, MinProficiency = 1 }],
            AlertContactsInQueueAmber = 5, AlertContactsInQueueRed = 10, CreatedAt = now,
        }).ToList();
        db.Queues.AddRange(queueRows);
        var agentIds = new List<Guid>();
        for (var i = 0; i < agents; i++)
        {
            var user = new Parley.Data.Entities.ParleyUser
            {
                Id = Guid.CreateVersion7(), TenantId = tenantId, UserName = $"bench{i}", NormalizedUserName = $"BENCH{i}", DisplayName = $"Bench Agent {i:000}",
                SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = now,
            };
            db.Users.Add(user);
            var agent = new Agent
            {
                Id = Guid.CreateVersion7(), TenantId = tenantId, UserId = user.Id, DisplayName = user.DisplayName, Extension = $"7{i:000}",
                Skills = [new() { SkillId = skills[i % skills.Count].Id, Proficiency = 3 }, new() { SkillId = skills[(i + 3) % skills.Count].Id, Proficiency = 2 }],
                Capacities = [new() { Channel = "Chat", Capacity = 2 }], CreatedAt = now,
            };
            db.Agents.Add(agent);
            agentIds.Add(agent.Id);
        }

        await db.SaveChangesAsync();
        var grain = services.GetRequiredService<IGrainFactory>().GetGrain<ITenantRoutingGrain>(tenantId);
        foreach (var queue in queueRows)
        {
            await grain.RefreshQueue(queue.Id.ToString());
        }

        foreach (var agent in agentIds)
        {
            await grain.RefreshAgent(agent.ToString());
            await grain.SignIn(agent.ToString(), "rest");
        }

        return (tenantId, agentIds);
    }
}
