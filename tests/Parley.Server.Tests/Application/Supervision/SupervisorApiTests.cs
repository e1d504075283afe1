using System.Text.Json;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Application.Supervision;

/// <summary>
/// The supervisor dashboard and actions over REST against the real server: <c>GET /api/v1/realtime/dashboard</c>,
/// <c>POST /api/v1/agents/{id}/state</c> and <c>/sign-out</c>, which run the same application layer as the <c>/supervisor</c> page.
/// </summary>
public sealed class SupervisorApiTests(AcdAppFactory factory) : IClassFixture<AcdAppFactory>
{
    [Fact]
    public async Task The_dashboard_shows_a_waiting_contact_in_its_queue_and_channel_and_the_agent_who_signed_in()
    {
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        using var agent = await factory.SignInDemoAsync("agent3");
        using var api = await factory.ApiClientAsync();
        var support = await api.IdByAsync("/api/v1/queues", "name", "Support");
        await agent.PostJsonAsync("/api/v1/agents/me/sign-in", new { reason = "rest" }, 200);
        // agent3 is not ready and the demo agents' phones are offline: the call waits.
        await api.CreateInteractionAsync(support, "Voice");
        factory.Time.Advance(TimeSpan.FromSeconds(7));

        var dashboard = await supervisor.JsonAsync("/api/v1/realtime/dashboard");

        var queue = Row(dashboard.GetProperty("queues"), "Support");
        Assert.True(queue.GetProperty("contactsInQueue").GetInt32() >= 1);
        Assert.True(TimeSpan.Parse(queue.GetProperty("oldestContactAge").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= TimeSpan.FromSeconds(7));
        Assert.True(Row(dashboard.GetProperty("channels"), "Voice").GetProperty("contactsInQueue").GetInt32() >= 1);
        var me = dashboard.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Carol Agent");
        Assert.Equal(["english (4)", "sales (3)", "support (3)"], me.GetProperty("skills").Strings());
        Assert.Equal(("NotReady", "rest"), (me.GetProperty("state").GetString(), me.GetProperty("reason").GetString()));
        Assert.True(dashboard.GetProperty("totals").GetProperty("agents").GetProperty("notReady").GetInt32() >= 1);
        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }

    [Fact]
    public async Task An_available_agent_whose_phone_is_not_registered_counts_for_chat_not_for_voice_and_is_marked_phone_offline()
    {
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        using var agent = await factory.SignInDemoAsync("agent1");
        // agent1 takes voice and chat; the demo agents' phones are their SIP accounts, and none is registered here.
        await agent.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);

        var dashboard = await supervisor.JsonAsync("/api/v1/realtime/dashboard");

        var alice = dashboard.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Alice Agent");
        Assert.Equal(("Available", "Offline"), (alice.GetProperty("state").GetString(), alice.GetProperty("phone").GetString()));
        Assert.Equal(0, Row(dashboard.GetProperty("channels"), "Voice").GetProperty("agents").GetProperty("available").GetInt32());
        Assert.True(Row(dashboard.GetProperty("channels"), "Chat").GetProperty("agents").GetProperty("available").GetInt32() >= 1);
        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }

    [Fact]
    public async Task An_agent_is_refused_the_dashboard_and_the_actions_with_403()
    {
        using var agent = await factory.SignInDemoAsync("agent1");
        using var admin = await factory.SignInDemoAsync("admin");
        var agent2 = await AgentIdAsync(admin, "1002");

        await agent.JsonAsync("/api/v1/realtime/dashboard", 403);
        await agent.PostJsonAsync($"/api/v1/agents/{agent2}/state", new { state = "Available" }, 403);
        await agent.PostAsync($"/api/v1/agents/{agent2}/sign-out", 403);
    }

    [Fact]
    public async Task A_supervisor_forces_not_ready_with_a_reason_then_signs_the_agent_out_and_both_are_audited()
    {
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        using var admin = await factory.SignInDemoAsync("admin");
        using var agent = await factory.SignInDemoAsync("agent2");
        var agent2 = await AgentIdAsync(admin, "1002");
        await agent.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);

        await supervisor.PostJsonAsync($"/api/v1/agents/{agent2}/state", new { state = "NotReady", reason = "no-such-reason" }, 400);
        var forced = await supervisor.PostJsonAsync($"/api/v1/agents/{agent2}/state", new { state = "NotReady", reason = "meeting" }, 200);
        Assert.Equal(("NotReady", "meeting"), (forced.GetProperty("state").GetString(), forced.GetProperty("reasonCode").GetString()));
        var row = (await supervisor.JsonAsync("/api/v1/realtime/dashboard")).GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("agentId").GetGuid() == agent2);
        Assert.Equal(("NotReady", "meeting"), (row.GetProperty("state").GetString(), row.GetProperty("reason").GetString()));

        var signedOut = await supervisor.PostJsonAsync($"/api/v1/agents/{agent2}/sign-out", new { }, 200);
        Assert.Equal("LoggedOut", signedOut.GetProperty("state").GetString());
        Assert.Equal("LoggedOut", (await agent.JsonAsync("/api/v1/agents/me")).GetProperty("state").GetProperty("state").GetString());

        var audit = (await admin.JsonAsync("/api/v1/audit?limit=200")).GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == "agents.state.force" && e.GetProperty("targetId").GetString() == agent2.ToString())
            .Select(e => (e.GetProperty("actorName").GetString(), e.GetProperty("summary").GetString(), e.GetProperty("statusCode").GetInt32())).ToList();
        Assert.Contains(audit, e => e.Item2!.StartsWith("forced state NotReady (meeting)", StringComparison.Ordinal) && e.Item3 == 200);
        Assert.Contains(audit, e => e.Item2!.StartsWith("forced state LoggedOut", StringComparison.Ordinal) && e.Item3 == 200);
    }

    [Fact]
    public async Task Another_tenant_sees_nothing_of_this_tenant_and_cannot_act_on_its_agents()
    {
        var b = await factory.CreateOtherTenantAsync();
        using var boss = await factory.SignInAsync(b.Slug, b.AdminUserName, b.AdminPassword);
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        using var admin = await factory.SignInDemoAsync("admin");
        var agent1 = await AgentIdAsync(admin, "1001");

        var theirs = await boss.JsonAsync("/api/v1/realtime/dashboard");
        Assert.Equal([b.Acd.QueueId], theirs.GetProperty("queues").EnumerateArray().Select(q => Guid.Parse(q.GetProperty("key").GetString()!)));
        Assert.Equal([b.Acd.AgentId], theirs.GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("agentId").GetGuid()));
        await boss.PostJsonAsync($"/api/v1/agents/{agent1}/state", new { state = "Available" }, 404);
        await boss.PostAsync($"/api/v1/agents/{agent1}/sign-out", 404);

        using var ours = await supervisor.GetAsync("/api/v1/realtime/dashboard", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(b.Canary, await ours.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
        await supervisor.PostAsync($"/api/v1/agents/{b.Acd.AgentId}/sign-out", 404);
    }

    [Fact]
    public async Task Queue_thresholds_are_stored_returned_and_checked()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var body = new
        {
            name = "Thresholds " + Guid.NewGuid().ToString("N")[..8],
            channels = new[] { "Chat" },
            thresholds = new { contactsInQueueAmber = 3, contactsInQueueRed = 6, oldestContactAgeAmberSeconds = 60, oldestContactAgeRedSeconds = 180, serviceLevelAmberPercent = 80, serviceLevelRedPercent = 70 },
        };

        var created = await admin.PostJsonAsync("/api/v1/queues", body, 201);

        var thresholds = created.GetProperty("thresholds");
        Assert.Equal((3, 6, 180, 70), (thresholds.GetProperty("contactsInQueueAmber").GetInt32(), thresholds.GetProperty("contactsInQueueRed").GetInt32(),
            thresholds.GetProperty("oldestContactAgeRedSeconds").GetInt32(), thresholds.GetProperty("serviceLevelRedPercent").GetInt32()));
        var bad = await admin.PostJsonAsync("/api/v1/queues", body with { }, 409);
        Assert.Equal(JsonValueKind.Object, bad.ValueKind);
        await admin.PostJsonAsync(
            "/api/v1/queues", new { name = "Bad thresholds", channels = new[] { "Chat" }, thresholds = new { serviceLevelAmberPercent = 60, serviceLevelRedPercent = 80 } }, 400);
    }

    private static JsonElement Row(JsonElement rows, string name) => rows.EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    private static async Task<Guid> AgentIdAsync(HttpClient admin, string extension) =>
        (await admin.JsonAsync("/api/v1/agents?limit=200")).GetProperty("items").EnumerateArray()
            .Single(a => a.GetProperty("extension").GetString() == extension).GetProperty("id").GetGuid();
}
