using System.Net;
using System.Text.Json;
using Parley.Server.Tests.Acd;
using static Parley.Server.Tests.Voice.Calls.LiveCallSetup;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>
/// A consultation rung straight to a colleague's phone (not through a queue), over real SIP and RTP on loopback: a colleague
/// who never took the customer does not wrap up; one without an interaction of their own who took the customer can hand
/// them on to an agent; the interaction they hold is the call's as far as routing goes — ending it ends their leg. The
/// customer plays 440 Hz, the agent 1 kHz, the colleague 1.7 kHz.
/// </summary>
public sealed class DirectConsultTests(VoiceCallAppFactory factory) : IClassFixture<VoiceCallAppFactory>
{
    private const double Customer = 440;
    private const double Agent = 1000;
    private const double Colleague = 1700;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AColleagueWhoseConsultationIsCancelledOrWhoHangsUp_GoesBackToAvailable_WithoutWrapUp()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 20000);
        await using var colleaguePhone = TestPhone.Start("desk3", rtpBase: 20400);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.161"), rtpBase: 20800);
        await factory.SetDemoAgentPhoneAsync("agent3", colleaguePhone.Uri);
        var colleagueId = await AgentIdAsync(factory, "agent3");
        var live = await BridgeAsync(factory, agentPhone, caller, "agent2", "Support");
        var colleagueAgent = await factory.SignInToRoutingAsync("agent3");

        var cancelled = await ConsultAsync(live, colleaguePhone, colleagueId);
        Assert.Equal("Busy", await factory.AgentStateAsync("agent3", "Busy"));
        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/consult/cancel", new { }, 204);
        await cancelled.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal("Available", await factory.AgentStateAsync("agent3", "Available"));
        Assert.Empty(await WrapUpsOwedAsync(colleagueAgent));

        var hungUp = await ConsultAsync(live, colleaguePhone, colleagueId);
        await hungUp.HangUpAsync();
        await AssertHearsAsync(live.CallerCall, "the customer back with the agent", [Agent], [Colleague]);
        Assert.Equal("Available", await factory.AgentStateAsync("agent3", "Available"));
        Assert.Empty(await WrapUpsOwedAsync(colleagueAgent));

        await live.CallerCall.HangUpAsync();
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var legs = (await LegsAsync(factory, await factory.CallRecordAsync(live.Number))).EnumerateArray().ToList();
        Assert.Equal(["caller_hangup", "consult_cancelled", "consult_hangup"], legs.Skip(1).Select(l => l.GetProperty("releaseCause").GetString()));
        Assert.Equal("AfterCallWork", await factory.AgentStateAsync("agent2", "AfterCallWork"));
        await SignOutAsync(live.Agent);
        await SignOutAsync(colleagueAgent);
    }

    [Fact]
    public async Task AColleagueNotSignedInToRouting_WhoTookTheCustomer_TransfersThemToAnAgent()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 21200);
        await using var colleaguePhone = TestPhone.Start("desk3", rtpBase: 21600);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.162"), rtpBase: 22000);
        await factory.SetDemoAgentPhoneAsync("agent3", colleaguePhone.Uri);
        await factory.SignOutOfRoutingAsync("agent3");
        var live = await BridgeAsync(factory, agentPhone, caller, "agent2", "Support");
        var consulted = await ConsultAsync(live, colleaguePhone, await AgentIdAsync(factory, "agent3"));
        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/consult/complete", new { }, 204);
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        using var colleagueAgent = await factory.SignInDemoAsync("agent3");
        Assert.Empty(await WrapUpsOwedAsync(colleagueAgent)); // no interaction of their own: talking all the same
        var agentAgain = await factory.SignInToRoutingAsync("agent2"); // wrap-up done, available

        await colleagueAgent.PostJsonAsync($"/api/v1/calls/{live.CallId}/transfer", new { to = new { agent = await AgentIdAsync(factory, "agent2") } }, 204);
        await consulted.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var back = await agentPhone.NextIncomingAsync();
        back.PlayTone(Agent);
        await AssertHearsAsync(live.CallerCall, "the customer transferred to agent2", [Agent], [Colleague]);
        await AssertHearsAsync(back, "agent2 who took the transfer", [Customer], []);

        await live.CallerCall.HangUpAsync();
        await back.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var legs = (await LegsAsync(factory, await factory.CallRecordAsync(live.Number))).EnumerateArray().ToList();
        Assert.Equal(["Caller", "Agent", "Agent", "Agent"], legs.Select(l => l.GetProperty("party").GetString()));
        Assert.Equal(["consult_transferred", "transferred", "caller_hangup"], legs.Skip(1).Select(l => l.GetProperty("releaseCause").GetString()));
        live.Agent.Dispose();
        await SignOutAsync(agentAgain);
    }

    [Fact]
    public async Task EndingTheColleaguesInteraction_EndsTheirConsultationLeg_AndAfterTheyTookTheCustomer_EndsTheCall()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 22400);
        await using var colleaguePhone = TestPhone.Start("desk3", rtpBase: 22800);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.163"), rtpBase: 23200);
        await factory.SetDemoAgentPhoneAsync("agent3", colleaguePhone.Uri);
        var colleagueId = await AgentIdAsync(factory, "agent3");
        var live = await BridgeAsync(factory, agentPhone, caller, "agent2", "Support");
        var colleagueAgent = await factory.SignInToRoutingAsync("agent3");

        var first = await ConsultAsync(live, colleaguePhone, colleagueId);
        await colleagueAgent.PostJsonAsync($"/api/v1/interactions/{await ActiveInteractionAsync(colleagueAgent)}/end", new { }, 204);
        await first.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await AssertHearsAsync(live.CallerCall, "the customer back with the agent", [Agent], [Colleague]);
        await AssertHearsAsync(live.AgentCall, "the agent back with the customer", [Customer], [Colleague]);

        colleagueAgent.Dispose();
        colleagueAgent = await factory.SignInToRoutingAsync("agent3"); // the ended interaction's wrap-up done
        var second = await ConsultAsync(live, colleaguePhone, colleagueId);
        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/consult/complete", new { }, 204);
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await AssertHearsAsync(live.CallerCall, "the customer handed over", [Colleague], [Agent]);
        await colleagueAgent.PostJsonAsync($"/api/v1/interactions/{await ActiveInteractionAsync(colleagueAgent)}/end", new { }, 204);
        await second.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await live.CallerCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var record = await factory.CallRecordAsync(live.Number);
        Assert.Equal(("ended_ended", "System"), (record.GetProperty("releaseCause").GetString(), record.GetProperty("releasedBy").GetString()));
        var legs = (await LegsAsync(factory, record)).EnumerateArray().ToList();
        Assert.Equal(["consult_transferred", "ended_ended", "ended_ended"], legs.Skip(1).Select(l => l.GetProperty("releaseCause").GetString()));
        Assert.Equal("AfterCallWork", await factory.AgentStateAsync("agent3", "AfterCallWork"));
        await SignOutAsync(live.Agent);
        await SignOutAsync(colleagueAgent);
    }

    private static async Task<PhoneCall> ConsultAsync(LiveCall live, TestPhone colleaguePhone, Guid colleagueId)
    {
        var consulting = live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/consult", new { to = new { agent = colleagueId } }, 201);
        var colleague = await colleaguePhone.NextIncomingAsync();
        colleague.PlayTone(Colleague);
        await consulting;
        await AssertHearsAsync(colleague, "the consulted colleague", [Agent], [Customer]);
        return colleague;
    }

    /// <summary>The one interaction the agent is handling now.</summary>
    private static async Task<Guid> ActiveInteractionAsync(HttpClient agent)
    {
        var work = await agent.JsonAsync("/api/v1/agents/me/interactions");
        var items = work.ValueKind == JsonValueKind.Array ? work : work.GetProperty("items");
        return items.EnumerateArray().Single().GetProperty("interactionId").GetGuid();
    }

    /// <summary>The interactions the agent owes wrap-up for.</summary>
    private static async Task<List<JsonElement>> WrapUpsOwedAsync(HttpClient agent)
    {
        var work = await agent.JsonAsync("/api/v1/agents/me/interactions");
        var items = work.ValueKind == JsonValueKind.Array ? work : work.GetProperty("items");
        return [.. items.EnumerateArray().Where(w => w.GetProperty("status").ToString() is "WrapUp" or "2")];
    }
}
