using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Acd;

/// <summary>Tenant A's callers can neither see nor act on tenant B's contact-center objects: every answer is 404.</summary>
public sealed class AcdIsolationTests(AcdAppFactory factory) : IClassFixture<AcdAppFactory>
{
    [Fact]
    public async Task TenantBObjects_AnswerNotFound_ToEveryTenantACaller()
    {
        var b = await factory.CreateOtherTenantAsync();
        using var admin = await factory.SignInDemoAsync("admin");
        using var agent = await factory.SignInDemoAsync("agent1");
        using var api = await factory.ApiClientAsync();
        var acd = b.Acd;
        foreach (var url in new[]
        {
            $"/api/v1/skills/{acd.SkillId}", $"/api/v1/agents/{acd.AgentId}", $"/api/v1/queues/{acd.QueueId}",
            $"/api/v1/not-ready-reasons/{acd.NotReadyReasonId}", $"/api/v1/interactions/{acd.InteractionId}", $"/api/v1/webhooks/{acd.WebhookId}",
            $"/api/v1/webhooks/{acd.WebhookId}/deliveries",
        })
        {
            await admin.JsonAsync(url, 404);
        }

        await admin.PostJsonAsync($"/api/v1/agents/{acd.AgentId}/state", new { state = "Available" }, 404);
        var otherTenantsQueue = await admin.PostJsonAsync("/api/v1/interactions", new { queueId = acd.QueueId, channel = "Voice" }, 404);
        Assert.Equal("No such queue.", otherTenantsQueue.GetProperty("detail").GetString()); // as for a queue that does not exist
        var noQueue = await admin.PostJsonAsync("/api/v1/interactions", new { queueId = Guid.NewGuid(), channel = "Voice" }, 404);
        Assert.Equal("No such queue.", noQueue.GetProperty("detail").GetString());
        await api.PostAsync($"/api/v1/interactions/{acd.InteractionId}/abandon", 404);
        await agent.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);
        foreach (var verb in new[] { "accept", "reject", "end" })
        {
            await agent.PostAsync($"/api/v1/interactions/{acd.InteractionId}/{verb}", 404);
        }

        await agent.PostJsonAsync($"/api/v1/interactions/{acd.InteractionId}/wrap-up", new { code = "x" }, 404);
        await (await admin.DeleteAsync($"/api/v1/queues/{acd.QueueId}", TestContext.Current.CancellationToken)).ExpectAsync(404);
        await (await admin.DeleteAsync($"/api/v1/webhooks/{acd.WebhookId}", TestContext.Current.CancellationToken)).ExpectAsync(404);

        foreach (var url in new[] { "/api/v1/realtime/queues", "/api/v1/realtime/agents", "/api/v1/queues", "/api/v1/agents", "/api/v1/skills", "/api/v1/webhooks", "/api/v1/not-ready-reasons" })
        {
            using var response = await admin.GetAsync(url, TestContext.Current.CancellationToken);
            await response.ExpectAsync(200);
            Assert.DoesNotContain(b.Canary, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
        }

        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
        using var boss = await factory.SignInAsync(b.Slug, b.AdminUserName, b.AdminPassword);
        var interaction = await boss.JsonAsync($"/api/v1/interactions/{acd.InteractionId}");
        Assert.Equal(("Waiting", 1), (interaction.GetProperty("status").GetString(), interaction.GetProperty("position").GetProperty("position").GetInt32()));
    }
}
