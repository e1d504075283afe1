using System.Net.Http.Json;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Acd;

/// <summary>An interaction's whole life through the API: queued, offered, accepted, ended, wrapped up, with history.</summary>
public sealed class RoutingApiTests(AcdAppFactory factory) : IClassFixture<AcdAppFactory>
{
    [Fact]
    public async Task DemoTenant_IsSeededWithAgentsSkillsQueuesAndReasons()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var queues = await admin.JsonAsync("/api/v1/queues");
        Assert.Equal(["Sales", "Support"], queues.GetProperty("items").EnumerateArray().Select(q => q.GetProperty("name").GetString()!).Where(n => n is "Sales" or "Support"));
        var agents = await admin.JsonAsync("/api/v1/agents");
        Assert.Equal(3, agents.GetProperty("items").EnumerateArray().Count(a => a.GetProperty("extension").GetString() is "1001" or "1002" or "1003"));
        Assert.True((await admin.JsonAsync("/api/v1/not-ready-reasons")).GetProperty("items").GetArrayLength() >= 3);
        Assert.True((await admin.JsonAsync("/api/v1/skills")).GetProperty("items").GetArrayLength() >= 2);
    }

    [Theory]
    [InlineData("chatId")] // would show the agent it is offered to another chat's transcript and files
    [InlineData("transferredTo")] // would show the agent "You transferred the chat to …"
    [InlineData("transferredBy")] // would show "Transferred by …" as a colleague's hand-over
    [InlineData("transferNote")]
    [InlineData("kind")] // kind=voicemail is shown as a caller's message; kind=callback makes Parley dial callbackNumber
    [InlineData("voicemailRecordingId")] // with kind=voicemail, would play the agent any recording of the tenant
    [InlineData("voicemailSeconds")]
    [InlineData("callbackNumber")]
    [InlineData("callbackAttempt")]
    [InlineData("callbackMode")]
    public async Task AnInteractionCarryingAnAttributeParleySetsItself_IsRefused_AndNothingIsQueued(string key)
    {
        using var api = await factory.ApiClientAsync();
        var sales = await api.IdByAsync("/api/v1/queues", "name", "Sales");
        var before = (await api.JsonAsync($"/api/v1/queues/{sales}/waiting")).GetProperty("items").GetArrayLength();

        var problem = await api.PostJsonAsync("/api/v1/interactions", new
        {
            queueId = sales,
            channel = "Chat",
            attributes = new Dictionary<string, string> { ["customerName"] = "Ada", [key] = Guid.NewGuid().ToString() },
        }, 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("attributes." + key, out _), problem.ToString());
        Assert.Equal(before, (await api.JsonAsync($"/api/v1/queues/{sales}/waiting")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task CreatedInteraction_AnswersWithoutHistory_WhichAReadShows()
    {
        using var api = await factory.ApiClientAsync();
        var support = await api.IdByAsync("/api/v1/queues", "name", "Support");

        var created = await api.PostJsonAsync("/api/v1/interactions", new { queueId = support, channel = "Email", attributes = new { } }, 201);
        var id = created.GetProperty("id").GetGuid();
        var read = await api.JsonAsync($"/api/v1/interactions/{id}");

        Assert.False(created.TryGetProperty("history", out _), "a creation's answer has no history, rather than an empty one");
        Assert.Equal("Waiting", created.GetProperty("status").GetString());
        Assert.Contains(read.GetProperty("history").EnumerateArray(), h => h.GetProperty("kind").GetString() == "interaction.queued");
        await api.PostAsync($"/api/v1/interactions/{id}/abandon", 204);
    }

    [Fact]
    public async Task Interaction_IsOfferedAcceptedEndedAndWrappedUp_WithHistoryInOrder()
    {
        await factory.GiveDemoAgentsDeskPhonesAsync();
        using var api = await factory.ApiClientAsync();
        using var agent = await factory.SignInDemoAsync("agent1");
        var sales = await api.IdByAsync("/api/v1/queues", "name", "Sales");
        await agent.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);

        var id = await api.CreateInteractionAsync(sales, attributes: new { caller = "+3312345678" });
        var offer = Assert.Single(await agent.MyWorkAsync());
        Assert.Equal((id.ToString(), "Offered"), (offer.GetProperty("interactionId").GetString(), offer.GetProperty("status").GetString()));

        await agent.PostAsync($"/api/v1/interactions/{id}/accept", 204);
        Assert.Equal("Active", (await api.JsonAsync($"/api/v1/interactions/{id}")).GetProperty("status").GetString());
        await agent.PostAsync($"/api/v1/interactions/{id}/end", 204);
        Assert.Equal("AfterCallWork", (await agent.JsonAsync("/api/v1/agents/me")).GetProperty("state").GetProperty("state").GetString());
        await agent.PostJsonAsync($"/api/v1/interactions/{id}/wrap-up", new { code = "not-a-code" }, 400);
        await agent.PostJsonAsync($"/api/v1/interactions/{id}/wrap-up", new { code = "resolved" }, 204);
        Assert.Equal("Available", (await agent.JsonAsync("/api/v1/agents/me")).GetProperty("state").GetProperty("state").GetString());

        var kinds = await WaitForHistoryAsync(api, id, 5);
        Assert.Equal(["interaction.queued", "interaction.offered", "interaction.accepted", "interaction.ended", "agent.wrap-up-completed"], kinds);
        var stored = await api.JsonAsync($"/api/v1/interactions/{id}");
        Assert.Equal(("Ended", "+3312345678"), (stored.GetProperty("status").GetString(), stored.GetProperty("attributes").GetProperty("caller").GetString()));
        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }

    [Fact]
    public async Task Reject_ReturnsTheInteractionToTheQueue_AndAnotherAgentGetsIt()
    {
        await factory.GiveDemoAgentsDeskPhonesAsync();
        using var api = await factory.ApiClientAsync();
        using var first = await factory.SignInDemoAsync("agent2");
        using var second = await factory.SignInDemoAsync("agent3");
        var support = await api.IdByAsync("/api/v1/queues", "name", "Support");
        await first.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);
        var id = await api.CreateInteractionAsync(support, "Chat");
        Assert.Single(await first.MyWorkAsync());

        await second.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);
        await second.PostAsync($"/api/v1/interactions/{id}/accept", 404);
        await first.PostAsync($"/api/v1/interactions/{id}/reject", 204);
        Assert.Equal(id.ToString(), Assert.Single(await second.MyWorkAsync()).GetProperty("interactionId").GetString());
        Assert.Empty(await first.MyWorkAsync());

        await api.PostAsync($"/api/v1/interactions/{id}/abandon", 204);
        Assert.Equal("Abandoned", (await api.JsonAsync($"/api/v1/interactions/{id}")).GetProperty("status").GetString());
        await first.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
        await second.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }

    [Fact]
    public async Task SigningOut_AnAgentWhoNeverSignedIn_IsAConflict_NotAServerError()
    {
        using var agent = await factory.SignInDemoAsync("agent3");
        using var first = await agent.PostAsJsonAsync("/api/v1/agents/me/sign-out", new { }, TestContext.Current.CancellationToken);
        using var again = await agent.PostAsJsonAsync("/api/v1/agents/me/sign-out", new { }, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task SupervisorForcedState_IsAppliedAndAudited_AgentsCannotForce()
    {
        await factory.GiveDemoAgentsDeskPhonesAsync();
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        using var admin = await factory.SignInDemoAsync("admin");
        using var agent = await factory.SignInDemoAsync("agent1");
        var agentId = await admin.IdByAsync("/api/v1/agents", "extension", "1001");
        await agent.PostJsonAsync("/api/v1/agents/me/sign-in", new { reason = "rest" }, 200);

        var forced = await supervisor.PostJsonAsync($"/api/v1/agents/{agentId}/state", new { state = "NotReady", reason = "meeting" }, 200);
        Assert.Equal(("NotReady", "meeting"), (forced.GetProperty("state").GetString(), forced.GetProperty("reasonCode").GetString()));
        await supervisor.PostJsonAsync($"/api/v1/agents/{agentId}/state", new { state = "NotReady", reason = "no-such-reason" }, 400);
        await agent.PostJsonAsync($"/api/v1/agents/{agentId}/state", new { state = "Available" }, 403);

        var live = await supervisor.JsonAsync("/api/v1/realtime/agents");
        var alice = live.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("live").GetProperty("agentId").GetString() == agentId.ToString());
        Assert.Equal("NotReady", alice.GetProperty("live").GetProperty("state").GetString());

        var audit = await admin.JsonAsync("/api/v1/audit?action=agents.state.force&limit=50");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("targetId").GetString() == agentId.ToString() && e.GetProperty("outcome").GetString() == "success");
        await supervisor.PostJsonAsync($"/api/v1/agents/{agentId}/state", new { state = "LoggedOut" }, 200);
    }

    [Fact]
    public async Task AdminWrites_CreateUpdateDelete_WithETags()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var skill = await admin.PostJsonAsync("/api/v1/skills", new { name = "german-" + Guid.NewGuid().ToString("N")[..6] }, 201);
        var skillId = skill.GetProperty("id").GetGuid();
        var queue = await admin.PostJsonAsync("/api/v1/queues", new
        {
            name = "Q-" + Guid.NewGuid().ToString("N")[..6],
            channels = new[] { "Email" },
            requiredSkills = new[] { new { skillId, minProficiency = 2 } },
            wrapUpMode = "MandatoryWithTimeLimit",
        }, 400);
        Assert.Contains("wrapUpMode", queue.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var created = await admin.PostJsonAsync("/api/v1/queues", new
        {
            name = "Q-" + Guid.NewGuid().ToString("N")[..6],
            channels = new[] { "Email" },
            requiredSkills = new[] { new { skillId, minProficiency = 2 } },
        }, 201);
        var queueId = created.GetProperty("id").GetGuid();
        await admin.PostJsonAsync("/api/v1/queues", new { name = "bad", channels = new[] { "Fax" } }, 400);

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/queues/{queueId}") { Content = System.Net.Http.Json.JsonContent.Create(new { name = "renamed", channels = new[] { "Email" } }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"99\"");
        await (await admin.SendAsync(stale, TestContext.Current.CancellationToken)).ExpectAsync(412);
        using var fresh = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/queues/{queueId}") { Content = System.Net.Http.Json.JsonContent.Create(new { name = "renamed-" + queueId.ToString("N")[..6], channels = new[] { "Email", "Chat" }, requiredSkills = new[] { new { skillId, minProficiency = 1 } } }) };
        fresh.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await (await admin.SendAsync(fresh, TestContext.Current.CancellationToken)).ExpectAsync(200);

        using var api = await factory.ApiClientAsync();
        var realtime = await api.JsonAsync("/api/v1/realtime/queues");
        Assert.Contains(realtime.GetProperty("items").EnumerateArray(), q => q.GetProperty("metrics").GetProperty("queueId").GetString() == queueId.ToString());

        await (await admin.DeleteAsync($"/api/v1/skills/{skillId}", TestContext.Current.CancellationToken)).ExpectAsync(409);
        await (await admin.DeleteAsync($"/api/v1/queues/{queueId}", TestContext.Current.CancellationToken)).ExpectAsync(204);
        await (await admin.DeleteAsync($"/api/v1/skills/{skillId}", TestContext.Current.CancellationToken)).ExpectAsync(204);
        var audit = await admin.JsonAsync("/api/v1/audit?action=queues.create&limit=50");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("targetId").GetString() == queueId.ToString());
    }

    /// <summary>History is written by the event dispatcher just after the command; wait for it (bounded).</summary>
    private static async Task<string[]> WaitForHistoryAsync(HttpClient api, Guid id, int count)
    {
        for (var attempt = 0; ; attempt++)
        {
            var history = (await api.JsonAsync($"/api/v1/interactions/{id}")).GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()!).ToArray();
            if (history.Length >= count || attempt == 100)
            {
                return history;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
