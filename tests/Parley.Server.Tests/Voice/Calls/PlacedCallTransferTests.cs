using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Tests.Acd;
using static Parley.Server.Tests.Voice.Calls.LiveCallSetup;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>
/// Transfer, consult transfer and conference on a call the agent placed (click to dial through the trunk to a fake
/// carrier), over real SIP and RTP on loopback: the customer plays 440 Hz, the agent 1 kHz and a colleague 1.7 kHz. The
/// same endpoints, events and leg records as on a call to a number; only the call's agent may act on it.
/// </summary>
public sealed class PlacedCallTransferTests(VoiceCallAppFactory factory) : IClassFixture<VoiceCallAppFactory>
{
    private const double Customer = 440;
    private const double Agent = 1000;
    private const double Colleague = 1700;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APlacedCall_BlindTransferredToAnotherAgent_TheCustomerTalksToThem_AndTheFirstAgentsLegEnds()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 36000);
        await using var colleaguePhone = TestPhone.Start("desk3", rtpBase: 36400);
        await using var outside = TestPhone.Start("+15559990201", IPAddress.Parse("127.0.0.111"), rtpBase: 36800);
        await factory.SetDemoAgentPhoneAsync("agent3", colleaguePhone.Uri);
        var colleagueId = await AgentIdAsync(factory, "agent3");
        var live = await PlaceAsync(factory, agentPhone, outside, "agent2", "Support");
        var colleague = await factory.SignInToRoutingAsync("agent3");
        var reported = new ConcurrentQueue<string>();
        using var feed = await CallEventsAsync(live.CallId, reported);

        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/transfer", new { to = new { agent = colleagueId } }, 204);
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal("AfterCallWork", await factory.AgentStateAsync("agent2", "AfterCallWork"));
        var rung = await colleaguePhone.NextIncomingAsync();
        Assert.StartsWith("Support: ", rung.FromDisplayName, StringComparison.Ordinal);
        rung.PlayTone(Colleague);
        await AssertHearsAsync(live.CallerCall, "the customer transferred", [Colleague], [Agent]);
        await AssertHearsAsync(rung, "the agent who took the customer", [Customer], [Agent]);

        await rung.HangUpAsync();
        await live.CallerCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var record = await factory.CallRecordAsync(live.Number);
        Assert.Equal(("Outbound", "Answered", "agent_hangup", "Agent"), (
            record.GetProperty("direction").GetString(), record.GetProperty("disposition").GetString(),
            record.GetProperty("releaseCause").GetString(), record.GetProperty("releasedBy").GetString()));
        var legs = (await LegsAsync(factory, record)).EnumerateArray().ToList();
        Assert.Equal(["Agent", "External", "Agent"], legs.Select(l => l.GetProperty("party").GetString()));
        Assert.Equal(["transferred", "agent_hangup", "agent_hangup"], legs.Select(l => l.GetProperty("releaseCause").GetString()));
        Assert.Equal(colleagueId, legs[2].GetProperty("agentId").GetGuid());
        Assert.Contains("call.transferred", reported);
        await SignOutAsync(live.Agent);
        await SignOutAsync(colleague);
    }

    [Fact]
    public async Task OnAPlacedCall_AnotherAgentOrAnotherTenantsAgentGets404_AndTheCallGoesOn()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 37200);
        await using var outside = TestPhone.Start("+15559990202", IPAddress.Parse("127.0.0.112"), rtpBase: 37600);
        var live = await PlaceAsync(factory, agentPhone, outside, "agent2", "Support");
        var colleagueId = await AgentIdAsync(factory, "agent3");
        using var colleague = await factory.SignInDemoAsync("agent3");
        var other = await factory.CreateOtherTenantAsync("placed-b");
        using var stranger = await factory.SignInAsync(other.Slug, other.AdminUserName, other.AdminPassword);
        var strangerId = (await stranger.JsonAsync("/api/v1/users?limit=200")).GetProperty("items").EnumerateArray()
            .Single(u => u.GetProperty("userName").GetString() == other.AdminUserName).GetProperty("id").GetGuid();
        await stranger.PostJsonAsync("/api/v1/agents", new { userId = strangerId, displayName = "Stranger" }, 201);

        foreach (var intruder in new[] { colleague, stranger })
        {
            await intruder.PostJsonAsync($"/api/v1/calls/{live.CallId}/transfer", new { to = new { agent = colleagueId } }, 404);
            await intruder.PostJsonAsync($"/api/v1/calls/{live.CallId}/consult", new { to = new { agent = colleagueId } }, 404);
            await intruder.PostJsonAsync($"/api/v1/calls/{live.CallId}/parties", new { to = new { number = "+15559990299" } }, 404);
            await intruder.PostJsonAsync($"/api/v1/calls/{live.CallId}/hangup", new { }, 404);
        }

        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/transfer", new { to = new { } }, 400);
        await AssertHearsAsync(live.CallerCall, "the customer after the refusals", [Agent], []);
        await AssertHearsAsync(live.AgentCall, "the agent after the refusals", [Customer], []);

        await live.CallerCall.HangUpAsync();
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var record = await factory.CallRecordAsync(live.Number);
        Assert.Equal(("Answered", "far_end_hangup", "External"), (
            record.GetProperty("disposition").GetString(), record.GetProperty("releaseCause").GetString(), record.GetProperty("releasedBy").GetString()));
        await SignOutAsync(live.Agent);
    }

    [Fact]
    public async Task AConsultationOnAPlacedCall_CancelBringsTheCustomerBack_AndCompleteHandsThemToTheColleague()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 38000);
        await using var colleaguePhone = TestPhone.Start("desk3", rtpBase: 38400);
        await using var outside = TestPhone.Start("+15559990203", IPAddress.Parse("127.0.0.113"), rtpBase: 38800);
        await factory.SetDemoAgentPhoneAsync("agent3", colleaguePhone.Uri);
        var colleagueId = await AgentIdAsync(factory, "agent3");
        var live = await PlaceAsync(factory, agentPhone, outside, "agent2", "Support");

        var first = await ConsultAsync(live, colleaguePhone, colleagueId);
        await AssertConsultingAsync(live, first);
        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/consult/cancel", new { }, 204);
        await first.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await AssertHearsAsync(live.CallerCall, "the customer back with the agent", [Agent], []);
        await AssertHearsAsync(live.AgentCall, "the agent back with the customer", [Customer], [Colleague]);

        var second = await ConsultAsync(live, colleaguePhone, colleagueId);
        await AssertConsultingAsync(live, second);
        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/consult/complete", new { }, 204);
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal("AfterCallWork", await factory.AgentStateAsync("agent2", "AfterCallWork"));
        await AssertHearsAsync(live.CallerCall, "the customer handed over", [Colleague], [Agent]);
        await AssertHearsAsync(second, "the colleague who took the customer", [Customer], [Agent]);

        await second.HangUpAsync();
        await live.CallerCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var record = await factory.CallRecordAsync(live.Number);
        Assert.Equal(2, record.GetProperty("holdCount").GetInt32());
        var legs = (await LegsAsync(factory, record)).EnumerateArray().ToList();
        Assert.Equal(["Agent", "External", "Agent", "Agent"], legs.Select(l => l.GetProperty("party").GetString()));
        Assert.Equal(["consult_transferred", "consult_cancelled", "agent_hangup"], legs.Where(l => l.GetProperty("party").GetString() == "Agent").Select(l => l.GetProperty("releaseCause").GetString()));
        await SignOutAsync(live.Agent);
    }

    [Fact]
    public async Task AConferenceOnAPlacedCall_EveryoneHearsTheOthers_AndTheAgentLeavingKeepsTheCustomerAndTheColleagueTalking()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 39200);
        await using var colleaguePhone = TestPhone.Start("desk3", rtpBase: 35600);
        await using var outside = TestPhone.Start("+15559990204", IPAddress.Parse("127.0.0.114"), rtpBase: 35200);
        await factory.SetDemoAgentPhoneAsync("agent3", colleaguePhone.Uri);
        var live = await PlaceAsync(factory, agentPhone, outside, "agent2", "Support");
        var reported = new ConcurrentQueue<string>();
        using var feed = await CallEventsAsync(live.CallId, reported);

        var adding = live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/parties", new { to = new { agent = await AgentIdAsync(factory, "agent3") } }, 201);
        var colleague = await colleaguePhone.NextIncomingAsync();
        colleague.PlayTone(Colleague);
        var colleagueLeg = (await adding).GetProperty("legId").GetGuid();
        await AssertHearsAsync(live.CallerCall, "the customer", [Agent, Colleague], []);
        await AssertHearsAsync(live.AgentCall, "the agent", [Customer, Colleague], []);
        await AssertHearsAsync(colleague, "the added agent", [Customer, Agent], []);

        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/leave", new { }, 204);
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal("AfterCallWork", await factory.AgentStateAsync("agent2", "AfterCallWork"));
        await AssertHearsAsync(live.CallerCall, "the customer after the agent left", [Colleague], [Agent]);
        await AssertHearsAsync(colleague, "the added agent after the agent left", [Customer], [Agent]);

        await live.CallerCall.HangUpAsync();
        await colleague.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var record = await factory.CallRecordAsync(live.Number);
        Assert.Equal(("far_end_hangup", "External"), (record.GetProperty("releaseCause").GetString(), record.GetProperty("releasedBy").GetString()));
        var legs = (await LegsAsync(factory, record)).EnumerateArray().ToList();
        Assert.Equal(["Agent", "External", "Agent"], legs.Select(l => l.GetProperty("party").GetString()));
        Assert.Equal(("left_conference", colleagueLeg, "far_end_hangup"), (
            legs[0].GetProperty("releaseCause").GetString(), legs[2].GetProperty("id").GetGuid(), legs[2].GetProperty("releaseCause").GetString()));
        Assert.Equal(["call.party-added", "call.agent-left"], reported.Where(t => t is "call.party-added" or "call.agent-left"));
        await SignOutAsync(live.Agent);
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

    /// <summary>The <c>call.*</c> event types of <paramref name="callId"/> the tenant's live feed (SignalR, webhooks) hears.</summary>
    private async Task<IDisposable> CallEventsAsync(Guid callId, ConcurrentQueue<string> reported) =>
        factory.Services.GetRequiredService<Parley.Server.Routing.TenantEventSubscriptions>().Subscribe(await factory.DemoTenantIdAsync(), events =>
        {
            foreach (var e in events.Where(e => e.Type.StartsWith("call.", StringComparison.Ordinal) && Equals(e.Data["callId"], callId)))
            {
                reported.Enqueue(e.Type);
            }

            return Task.CompletedTask;
        });
}
