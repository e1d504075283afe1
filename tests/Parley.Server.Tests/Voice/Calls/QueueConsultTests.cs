using System.Net;
using System.Text.Json;
using Parley.Server.Tests.Acd;
using static Parley.Server.Tests.Voice.Calls.LiveCallSetup;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>
/// A consultation with a queue over real SIP and RTP on loopback: it waits in the queue while the customer hears music,
/// cancelling takes it out, and the agent routing offers it to is rung, talks to the consulting agent, takes the customer
/// on completion — becoming the call's agent, who holds, resumes, mutes and hangs it up while a supervisor listens — and
/// wraps up when their leg ends. The customer plays 440 Hz, the agent 1 kHz, the colleague 1.7 kHz.
/// </summary>
public sealed class QueueConsultTests(VoiceCallAppFactory factory) : IClassFixture<VoiceCallAppFactory>
{
    private const double Customer = 440;
    private const double Agent = 1000;
    private const double Colleague = 1700;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AConsultationWaitsInTheQueue_CancelTakesItOut_ThenTheAgentItIsOfferedTo_TalksTakesTheCustomerAndWrapsUp()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 51000);
        await using var colleaguePhone = TestPhone.Start("desk3", rtpBase: 51400);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.87"), rtpBase: 51800);
        await using var supervisorPhone = TestPhone.Start("sam", rtpBase: 27500);
        await factory.SetDemoAgentPhoneAsync("agent3", colleaguePhone.Uri);
        await SetSupervisorPhoneAsync(factory, supervisorPhone.Uri);
        var support = await factory.QueueIdAsync("Support");
        var live = await BridgeAsync(factory, agentPhone, caller, "agent2", "Support");

        var other = await factory.CreateOtherTenantAsync("consult-other");
        using var otherAdmin = await factory.SignInAsync(other.Slug, other.AdminUserName, other.AdminPassword);
        var otherQueue = (await otherAdmin.PostJsonAsync("/api/v1/queues", new { name = "Theirs", channels = new[] { "Voice" } }, 201)).GetProperty("id").GetGuid();
        Assert.True((await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/consult", new { to = new { queue = otherQueue } }, 400))
            .GetProperty("errors").TryGetProperty("to/queue", out _));

        var queued = await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/consult", new { to = new { queue = support } }, 202);
        Assert.Equal("queued", queued.GetProperty("status").GetString());
        var loud = live.CallerCall.LoudFrames;
        await live.CallerCall.WaitUntilAsync(c => c.LoudFrames > loud + 50, "the customer hears music while the consultation waits");
        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/consult/complete", new { }, 409);
        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/consult/cancel", new { }, 204);
        await AssertHearsAsync(live.CallerCall, "the customer back with the agent", [Agent], []);

        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/consult", new { to = new { queue = support } }, 202);
        using var colleagueAgent = await factory.SignInToRoutingAsync("agent3");
        var colleague = await colleaguePhone.NextIncomingAsync();
        Assert.StartsWith("Consult: ", colleague.FromDisplayName, StringComparison.Ordinal);
        colleague.PlayTone(Colleague);
        await AssertHearsAsync(live.AgentCall, "the consulting agent", [Colleague], [Customer]);
        await AssertHearsAsync(colleague, "the agent the queue gave the consultation to", [Agent], [Customer]);

        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/consult/complete", new { }, 204);
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await AssertHearsAsync(live.CallerCall, "the customer handed over", [Colleague], [Agent]);
        await AssertHearsAsync(colleague, "the colleague who took the customer", [Customer], [Agent]);
        Assert.Equal("AfterCallWork", await factory.AgentStateAsync("agent2"));
        Assert.Equal("Busy", await factory.AgentStateAsync("agent3"));

        await AssertTheColleagueControlsTheCallAsync(live, colleagueAgent, colleague);
        var consultation = await ActiveInteractionAsync(colleagueAgent);
        await colleagueAgent.PostJsonAsync($"/api/v1/calls/{consultation}/mute", new { }, 204); // by the consultation's interaction id too
        await colleagueAgent.PostJsonAsync($"/api/v1/calls/{consultation}/unmute", new { }, 204);
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        var (sam, _) = await MonitorAsync(supervisor, live.CallId, supervisorPhone, "listen");
        await AssertHearsAsync(sam, "the supervisor listening to the colleague's call", [Customer, Colleague], []);
        await colleagueAgent.PostJsonAsync($"/api/v1/calls/{live.CallId}/hangup", new { }, 204);
        await colleague.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await live.CallerCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await sam.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await WaitForStateAsync("agent3", "AfterCallWork");
        var record = await factory.CallRecordAsync(live.Number);
        Assert.Equal((await AgentIdAsync(factory, "agent3"), consultation), (record.GetProperty("agentId").GetGuid(), record.GetProperty("interactionId").GetGuid()));
        var legs = (await LegsAsync(factory, record)).EnumerateArray().Where(l => l.GetProperty("party").GetString() != "Supervisor").ToList();
        Assert.Equal(["Caller", "Agent", "Agent"], legs.Select(l => l.GetProperty("party").GetString()));
        Assert.Equal(["consult_transferred", "agent_hangup"], legs.Skip(1).Select(l => l.GetProperty("releaseCause").GetString()));
        await SignOutAsync(live.Agent);
        await SignOutAsync(colleagueAgent);
    }

    /// <summary>The one interaction the agent is handling now.</summary>
    private static async Task<Guid> ActiveInteractionAsync(HttpClient agent)
    {
        var work = await agent.JsonAsync("/api/v1/agents/me/interactions");
        var items = work.ValueKind == JsonValueKind.Array ? work : work.GetProperty("items");
        return items.EnumerateArray().Single().GetProperty("interactionId").GetGuid();
    }

    private async Task WaitForStateAsync(string userName, string state)
    {
        for (var attempt = 0; await factory.AgentStateAsync(userName) != state; attempt++)
        {
            Assert.True(attempt < 50, $"{userName} never reached {state}");
            await Task.Delay(100, Ct);
        }
    }
}
