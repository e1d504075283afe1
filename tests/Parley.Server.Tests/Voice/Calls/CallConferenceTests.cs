using System.Net;
using Parley.Server.Tests.Acd;
using static Parley.Server.Tests.Voice.Calls.LiveCallSetup;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>
/// The agent's conference over real SIP and RTP on loopback: the customer plays 440 Hz, the agent 1 kHz and a second
/// agent 1.7 kHz; everyone hears everyone else in the three-way, a fourth party (a number through the trunk) hears all
/// three, removing a party and the agent leaving keep the others talking.
/// </summary>
public sealed class CallConferenceTests(VoiceCallAppFactory factory) : IClassFixture<VoiceCallAppFactory>
{
    private const double Customer = 440;
    private const double Agent = 1000;
    private const double Colleague = 1700;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AThreeWayCall_EveryoneHearsTheOtherTwo_ANumberJoinsAndIsRemoved_AndTheAgentLeavingKeepsTheOthersTalking()
    {
        await using var outside = TestPhone.Start("+15559990011", rtpBase: 48200);
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 48600);
        await using var colleaguePhone = TestPhone.Start("desk3", rtpBase: 49000);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.84"), rtpBase: 49400);
        await factory.SetDemoAgentPhoneAsync("agent3", colleaguePhone.Uri);
        using var admin = await factory.SignInDemoAsync("admin");
        await OnlyOutboundTrunkAsync(admin, "Carrier out (conference)", "127.0.0.85/32", outside);
        var live = await BridgeAsync(factory, agentPhone, caller, "agent2", "Support");

        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/parties", new { to = new { queue = await factory.QueueIdAsync("Sales") } }, 400);
        var adding = live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/parties", new { to = new { agent = await AgentIdAsync(factory, "agent3") } }, 201);
        var colleague = await colleaguePhone.NextIncomingAsync();
        colleague.PlayTone(Colleague);
        var colleagueLeg = (await adding).GetProperty("legId").GetGuid();
        Assert.StartsWith("Conference: ", colleague.FromDisplayName, StringComparison.Ordinal);
        await AssertHearsAsync(live.CallerCall, "the customer", [Agent, Colleague], []);
        await AssertHearsAsync(live.AgentCall, "the agent", [Customer, Colleague], []);
        await AssertHearsAsync(colleague, "the added agent", [Customer, Agent], []);

        var dialling = live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/parties", new { to = new { number = "+15559990011" } }, 201);
        var carrier = await outside.NextIncomingAsync();
        var carrierLeg = (await dialling).GetProperty("legId").GetGuid();
        await AssertHearsAsync(carrier, "the fourth party", [Customer, Agent, Colleague], []);
        using (var removed = await live.Agent.DeleteAsync($"/api/v1/calls/{live.CallId}/parties/{carrierLeg}", Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        await carrier.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/leave", new { }, 204);
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal("AfterCallWork", await factory.AgentStateAsync("agent2"));
        await AssertHearsAsync(live.CallerCall, "the customer after the agent left", [Colleague], [Agent]);
        await AssertHearsAsync(colleague, "the added agent after the agent left", [Customer], [Agent]);
        // No longer their call: 404 like any stranger (as for the first agent after a consult transfer), not 409.
        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/hold", new { }, 404);
        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/hangup", new { }, 404);
        Assert.False(live.CallerCall.Ended.IsCompleted, "the agent who left cannot end the call");

        await live.CallerCall.HangUpAsync();
        await colleague.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var record = await factory.CallRecordAsync(live.Number);
        var legs = (await LegsAsync(factory, record)).EnumerateArray().ToList();
        Assert.Equal(["Caller", "Agent", "Agent", "External"], legs.Select(l => l.GetProperty("party").GetString()));
        Assert.Equal(("left_conference", colleagueLeg, "caller_hangup", carrierLeg, "removed"), (
            legs[1].GetProperty("releaseCause").GetString(), legs[2].GetProperty("id").GetGuid(), legs[2].GetProperty("releaseCause").GetString(),
            legs[3].GetProperty("id").GetGuid(), legs[3].GetProperty("releaseCause").GetString()));
        await SignOutAsync(live.Agent);
    }

    [Fact]
    public async Task AConsultation_HoldsTheCustomerWhileTheAgentsTalk_CancelBringsThemBack_AndCompleteMakesTheColleagueTheCallsAgent()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 49800);
        await using var colleaguePhone = TestPhone.Start("desk3", rtpBase: 50200);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.86"), rtpBase: 50600);
        await using var supervisorPhone = TestPhone.Start("sam", rtpBase: 27000);
        await factory.SetDemoAgentPhoneAsync("agent3", colleaguePhone.Uri);
        await SetSupervisorPhoneAsync(factory, supervisorPhone.Uri);
        var colleagueId = await AgentIdAsync(factory, "agent3");
        var live = await BridgeAsync(factory, agentPhone, caller, "agent2", "Support");

        var first = await ConsultAsync(live, colleaguePhone, colleagueId);
        await AssertConsultingAsync(live, first);
        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/hold", new { }, 409);
        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/consult/cancel", new { }, 204);
        await first.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await AssertHearsAsync(live.CallerCall, "the customer back with the agent", [Agent], []);
        await AssertHearsAsync(live.AgentCall, "the agent back with the customer", [Customer], [Colleague]);

        var colleagueAgent = await factory.SignInToRoutingAsync("agent3");
        var second = await ConsultAsync(live, colleaguePhone, colleagueId);
        await AssertConsultingAsync(live, second);
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        var refused = await supervisor.PostJsonAsync($"/api/v1/calls/{live.CallId}/monitor", new { mode = "listen" }, 409);
        Assert.Contains("consultation", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Busy", await factory.AgentStateAsync("agent3")); // a colleague rung directly is busy while they talk
        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/consult/complete", new { }, 204);
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal("AfterCallWork", await factory.AgentStateAsync("agent2"));
        await AssertHearsAsync(live.CallerCall, "the customer handed over", [Colleague], [Agent]);
        await AssertHearsAsync(second, "the colleague who took the customer", [Customer], [Agent]);

        await AssertTheColleagueControlsTheCallAsync(live, colleagueAgent, second);
        Assert.Equal("Busy", await factory.AgentStateAsync("agent3"));
        var (sam, _) = await MonitorAsync(supervisor, live.CallId, supervisorPhone, "listen");
        await AssertHearsAsync(sam, "the supervisor listening to the colleague's call", [Customer, Colleague], []);
        await colleagueAgent.PostJsonAsync($"/api/v1/calls/{live.CallId}/hangup", new { }, 204);
        await second.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await live.CallerCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await sam.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal("AfterCallWork", await factory.AgentStateAsync("agent3", "AfterCallWork"));
        var record = await factory.CallRecordAsync(live.Number);
        Assert.Equal(3, record.GetProperty("holdCount").GetInt32()); // each consultation holds the customer, and the colleague did once
        Assert.Equal(colleagueId, record.GetProperty("agentId").GetGuid());
        var legs = (await LegsAsync(factory, record)).EnumerateArray().Where(l => l.GetProperty("party").GetString() != "Supervisor").ToList();
        Assert.Equal(["Caller", "Agent", "Agent", "Agent"], legs.Select(l => l.GetProperty("party").GetString()));
        Assert.Equal(["consult_transferred", "consult_cancelled", "agent_hangup"], legs.Skip(1).Select(l => l.GetProperty("releaseCause").GetString()));
        await SignOutAsync(live.Agent);
        await SignOutAsync(colleagueAgent);
    }

    private static async Task<PhoneCall> ConsultAsync(LiveCall live, TestPhone colleaguePhone, Guid colleagueId)
    {
        var consulting = live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/consult", new { to = new { agent = colleagueId } }, 201);
        var colleague = await colleaguePhone.NextIncomingAsync();
        Assert.StartsWith("Consult: ", colleague.FromDisplayName, StringComparison.Ordinal);
        colleague.PlayTone(Colleague);
        await consulting;
        return colleague;
    }

    /// <summary>The agents hear each other, the customer hears music and neither of them, and neither hears the customer.</summary>
    private static async Task AssertConsultingAsync(LiveCall live, PhoneCall colleague)
    {
        await AssertHearsAsync(live.AgentCall, "the consulting agent", [Colleague], [Customer]);
        await AssertHearsAsync(colleague, "the consulted agent", [Agent], [Customer]);
        var agent = live.CallerCall.FramesOf(Agent);
        var other = live.CallerCall.FramesOf(Colleague);
        var loud = live.CallerCall.LoudFrames;
        await live.CallerCall.WaitUntilAsync(c => c.LoudFrames > loud + 50, "the customer on hold hears music");
        Assert.InRange(live.CallerCall.FramesOf(Agent) - agent, 0, 3);
        Assert.InRange(live.CallerCall.FramesOf(Colleague) - other, 0, 3);
    }
}
