using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Cluster.Routing;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Data.Entities.Chat;
using Parley.Data.Tenancy;

namespace Parley.Bench.Chat;

/// <summary>
/// Adds to the demo tenant a chat queue without a wait limit (chats that find no agent keep waiting and keep writing),
/// a widget for it (key <see cref="WidgetKey"/>, origin <see cref="Origin"/>) and <c>agents</c> agents with a chat capacity of
/// <c>capacity</c>, signed in and available.
/// </summary>
internal static class Floor
{
    public const string WidgetKey = "bench-chat";
    public const string Origin = "https://bench.example";

    public static async Task<(Guid TenantId, IReadOnlyList<(Guid AgentId, Guid UserId)> Agents)> BuildAsync(IServiceProvider services, int agents, int capacity)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var tenantId = await db.Tenants.Where(t => t.Slug == "demo").Select(t => t.Id).SingleAsync();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
        var now = DateTimeOffset.UnixEpoch;
        var skill = new Skill { Id = Guid.CreateVersion7(), TenantId = tenantId, Name = "bench-chat", CreatedAt = now };
        db.Skills.Add(skill);
        var queue = new Queue
        {
            Id = Guid.CreateVersion7(), TenantId = tenantId, Name = "Bench chat", Channels = ["Chat"],
            RequiredSkills = [new() { SkillId = skill.Id, MinProficiency = 1 }], CreatedAt = now,
        };
        db.Queues.Add(queue);
        db.ChatWidgets.Add(new ChatWidget
        {
            Id = Guid.CreateVersion7(), TenantId = tenantId, Key = WidgetKey, Name = "Bench", Title = "Bench", QueueId = queue.Id,
            AllowedOrigins = $"[\"{Origin}\"]", CreatedAt = now,
        });
        var agentIds = new List<(Guid, Guid)>();
        for (var i = 0; i < agents; i++)
        {
            var user = new Parley.Data.Entities.ParleyUser
            {
                Id = Guid.CreateVersion7(), TenantId = tenantId, UserName = $"chatbench{i}", NormalizedUserName = $"CHATBENCH{i}",
                DisplayName = $"Chat Agent {i:000}", SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = now,
            };
            db.Users.Add(user);
            var agent = new Agent
            {
                Id = Guid.CreateVersion7(), TenantId = tenantId, UserId = user.Id, DisplayName = user.DisplayName, Extension = $"8{i:000}",
                Skills = [new() { SkillId = skill.Id, Proficiency = 3 }], Capacities = [new() { Channel = "Chat", Capacity = capacity }], CreatedAt = now,
            };
            db.Agents.Add(agent);
            agentIds.Add((agent.Id, user.Id));
        }

        await db.SaveChangesAsync();
        var grain = services.GetRequiredService<IGrainFactory>().GetGrain<ITenantRoutingGrain>(tenantId);
        await grain.RefreshQueue(queue.Id.ToString());
        foreach (var (agent, _) in agentIds)
        {
            await grain.RefreshAgent(agent.ToString());
            await grain.SignIn(agent.ToString(), "rest");
        }

        return (tenantId, agentIds);
    }
}
