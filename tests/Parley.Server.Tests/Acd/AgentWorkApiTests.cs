using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Acd;

/// <summary>The agent's work in hand and wrap-up notes over REST, answered by the same application layer as the web workspace.</summary>
public sealed class AgentWorkApiTests(AcdAppFactory factory) : IClassFixture<AcdAppFactory>
{
    [Fact]
    public async Task My_interactions_show_the_offer_with_queue_expiry_and_the_customers_earlier_interactions_but_not_later_ones()
    {
        await factory.GiveDemoAgentsDeskPhonesAsync();
        using var api = await factory.ApiClientAsync();
        using var agent = await factory.SignInDemoAsync("agent1");
        var sales = await api.IdByAsync("/api/v1/queues", "name", "Sales");
        var support = await api.IdByAsync("/api/v1/queues", "name", "Support");
        var earlier = await api.CreateInteractionAsync(support, attributes: new { callerNumber = "+15550111" });
        await agent.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);

        var id = await api.CreateInteractionAsync(sales, attributes: new { callerNumber = "+15550111", customerName = "Ada" });

        var item = Assert.Single((await agent.JsonAsync("/api/v1/agents/me/interactions")).GetProperty("items").EnumerateArray());
        Assert.Equal((id, "Offered", "Sales"), (item.GetProperty("interactionId").GetGuid(), item.GetProperty("status").GetString(), item.GetProperty("queueName").GetString()));
        Assert.Equal(20, (item.GetProperty("offerExpiresAt").GetDateTimeOffset() - item.GetProperty("offeredAt").GetDateTimeOffset()).TotalSeconds);
        Assert.Equal("callerNumber: +15550111", item.GetProperty("customerKey").GetString());
        Assert.Equal(earlier, Assert.Single(item.GetProperty("previousInteractions").EnumerateArray()).GetProperty("id").GetGuid());

        // The same customer queued again afterwards (a chat's continuation after a transfer is one) is not "earlier".
        var later = await api.CreateInteractionAsync(support, attributes: new { callerNumber = "+15550111" });
        item = Assert.Single((await agent.JsonAsync("/api/v1/agents/me/interactions")).GetProperty("items").EnumerateArray());
        Assert.Equal(earlier, Assert.Single(item.GetProperty("previousInteractions").EnumerateArray()).GetProperty("id").GetGuid());

        await agent.PostAsync($"/api/v1/interactions/{id}/reject", 204);
        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
        await api.PostAsync($"/api/v1/interactions/{id}/abandon", 204); // leaves nobody waiting in Sales or Support for the next test's agent
        await api.PostAsync($"/api/v1/interactions/{earlier}/abandon", 204);
        await api.PostAsync($"/api/v1/interactions/{later}/abandon", 204);
    }

    [Fact]
    public async Task Wrap_up_notes_are_saved_on_the_interaction_and_overlong_notes_are_refused()
    {
        using var api = await factory.ApiClientAsync();
        using var agent = await factory.SignInDemoAsync("agent2");
        var support = await api.IdByAsync("/api/v1/queues", "name", "Support");
        await agent.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);
        var id = await api.CreateInteractionAsync(support, "Chat");
        await agent.PostAsync($"/api/v1/interactions/{id}/accept", 204);
        await agent.PostAsync($"/api/v1/interactions/{id}/end", 204);

        await agent.PostJsonAsync($"/api/v1/interactions/{id}/wrap-up", new { code = "resolved", notes = new string('x', 2001) }, 400);
        await agent.PostJsonAsync($"/api/v1/interactions/{id}/wrap-up", new { code = "resolved", notes = "  Refund issued.  " }, 204);

        Assert.Equal("Refund issued.", (await api.JsonAsync($"/api/v1/interactions/{id}")).GetProperty("wrapUpNotes").GetString());
        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }

    [Fact]
    public async Task A_live_calls_offer_is_answered_on_the_phone_so_accepting_it_here_is_409_and_rejecting_works()
    {
        await factory.GiveDemoAgentsDeskPhonesAsync();
        using var api = await factory.ApiClientAsync();
        using var agent = await factory.SignInDemoAsync("agent1");
        var sales = await api.IdByAsync("/api/v1/queues", "name", "Sales");
        await agent.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);
        var id = await api.CreateInteractionAsync(sales, attributes: new { sipCallId = "a84b4c76e66710@pc33", callerNumber = "+15550112" });
        var offer = Assert.Single(await agent.MyWorkAsync());
        Assert.Equal((id, "Offered"), (offer.GetProperty("interactionId").GetGuid(), offer.GetProperty("status").GetString()));

        var refused = await agent.PostJsonAsync($"/api/v1/interactions/{id}/accept", new { }, 409);
        Assert.Equal("answer_on_phone", refused.GetProperty("cause").GetString());
        Assert.Equal("Offered", Assert.Single(await agent.MyWorkAsync()).GetProperty("status").GetString());
        await agent.PostAsync($"/api/v1/interactions/{id}/reject", 204);

        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
        await api.PostAsync($"/api/v1/interactions/{id}/abandon", 204);
    }

    [Fact]
    public async Task A_user_without_agent_self_is_forbidden_and_an_api_client_has_no_agent()
    {
        using var admin = await factory.SignInDemoAsync("supervisor");
        using var api = await factory.ApiClientAsync();

        using var supervisor = await admin.GetAsync("/api/v1/agents/me/interactions", TestContext.Current.CancellationToken);
        using var client = await api.GetAsync("/api/v1/agents/me/interactions", TestContext.Current.CancellationToken);

        Assert.Contains((int)supervisor.StatusCode, new[] { 403, 404 });
        Assert.Contains((int)client.StatusCode, new[] { 403, 404 });
    }
}
