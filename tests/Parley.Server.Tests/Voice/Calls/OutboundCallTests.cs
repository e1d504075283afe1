using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Tests.Acd;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>
/// Calls agents place (<c>POST /api/v1/calls</c>) over real SIP and RTP on loopback: Parley rings the agent's phone first,
/// then the number through the tenant's trunk (a fake carrier) or another agent's extension, and bridges them; the agent
/// is busy in routing meanwhile and goes to wrap-up after; failures carry their cause.
/// </summary>
public sealed class OutboundCallTests(VoiceCallAppFactory factory) : IClassFixture<VoiceCallAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClickToDial_RingsTheAgentFirst_ThenDialsTheNumberThroughTheTrunkWithItsCallerId_AndBridgesThem()
    {
        await using var agentPhone = TestPhone.Start("desk2", IPAddress.Parse("127.0.0.61"), rtpBase: 44000);
        await using var outside = TestPhone.Start("+15559990101", IPAddress.Parse("127.0.0.62"), rtpBase: 44400);
        using var admin = await factory.SignInDemoAsync("admin");
        var ownNumber = await factory.DemoNumberAsync("Queue", await factory.QueueIdAsync("Support"), "127.0.0.63");
        await CarrierTrunks.OnlyOutboundTrunkAsync(admin, outside, new { callerIdPolicy = "Fixed", callerIdNumber = ownNumber });
        await factory.SetDemoAgentPhoneAsync("agent2", agentPhone.Uri);
        using var agent = await factory.SignInToRoutingAsync("agent2");
        var settled = new ConcurrentQueue<string>();
        using var feed = await SettledEventsAsync(settled);

        var started = await agent.PostJsonAsync("/api/v1/calls", new { to = "+15559990101", queueId = await factory.QueueIdAsync("Support") }, 202);
        Assert.Equal(("Outbound", "+15559990101"), (started.GetProperty("direction").GetString(), started.GetProperty("to").GetString()));
        var mine = await agentPhone.NextIncomingAsync();
        Assert.Contains("+15559990101", mine.FromDisplayName, StringComparison.Ordinal);
        Assert.Equal("Busy", await factory.AgentStateAsync("agent2"));
        var far = await outside.NextIncomingAsync();
        Assert.Equal(ownNumber, outside.LastCallerNumber);
        mine.PlayTone(1000);
        far.PlayTone(440);
        await far.WaitUntilAsync(c => c.FramesOf(1000) > 25, "the number hears the agent");
        await mine.WaitUntilAsync(c => c.FramesOf(440) > 25, "the agent hears the number");
        Assert.Equal($"call.connected {started.GetProperty("callId").GetGuid()} +15559990101", await NextAsync(settled)); // the workspace shows the controls now

        await far.HangUpAsync();
        await mine.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var record = await factory.CallRecordAsync("+15559990101");
        Assert.Equal(started.GetProperty("callId").GetGuid(), record.GetProperty("id").GetGuid());
        Assert.Equal(("Outbound", "Answered", "far_end_hangup", "External"), (
            record.GetProperty("direction").GetString(), record.GetProperty("disposition").GetString(),
            record.GetProperty("releaseCause").GetString(), record.GetProperty("releasedBy").GetString()));
        Assert.Equal(ownNumber, record.GetProperty("callerNumber").GetString());
        var legs = (await admin.JsonAsync($"/api/v1/calls/{record.GetProperty("id").GetGuid()}")).GetProperty("legs").EnumerateArray().ToList();
        Assert.Equal(["Agent", "External"], legs.Select(l => l.GetProperty("party").GetString()));
        Assert.All(legs, l => Assert.Equal(200, l.GetProperty("sipStatus").GetInt32()));
        await WaitForStateAsync("agent2", "AfterCallWork");
        await SignOutAsync(agent);
    }

    [Fact]
    public async Task ClickToDial_ToABusyNumber_EndsWithCauseBusy_AndRefusalsKnownBeforeRingingAnswerAtOnce()
    {
        await using var agentPhone = TestPhone.Start("desk2", IPAddress.Parse("127.0.0.64"), rtpBase: 44800);
        await using var outside = TestPhone.Start("+15559990102", IPAddress.Parse("127.0.0.65"), rtpBase: 45200);
        outside.AnswerStatus = 486;
        using var admin = await factory.SignInDemoAsync("admin");
        await CarrierTrunks.OnlyOutboundTrunkAsync(admin, outside, new { });
        await factory.SetDemoAgentPhoneAsync("agent2", agentPhone.Uri);
        using var notSignedIn = await factory.SignInDemoAsync("agent2");
        using var _ = await notSignedIn.PostAsync("/api/v1/agents/me/sign-out", null, Ct);
        Assert.Equal("not_signed_in", (await notSignedIn.PostJsonAsync("/api/v1/calls", new { to = "+15559990102" }, 409)).GetProperty("cause").GetString());
        using var agent = await factory.SignInToRoutingAsync("agent2");
        var settled = new ConcurrentQueue<string>();
        using var feed = await SettledEventsAsync(settled);
        await agent.PostJsonAsync("/api/v1/calls", new { to = "555-nope" }, 400);
        await agent.PostJsonAsync("/api/v1/calls", new { to = "ext:9999" }, 400);

        await agent.PostJsonAsync("/api/v1/calls", new { to = "+15559990102", queueId = await factory.QueueIdAsync("Support") }, 202);
        var mine = await agentPhone.NextIncomingAsync();
        await mine.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var record = await factory.CallRecordAsync("+15559990102");
        Assert.Equal(("NotAnswered", "busy"), (record.GetProperty("disposition").GetString(), record.GetProperty("releaseCause").GetString()));
        var legs = (await admin.JsonAsync($"/api/v1/calls/{record.GetProperty("id").GetGuid()}")).GetProperty("legs").EnumerateArray().ToList();
        Assert.Equal(486, legs.Single(l => l.GetProperty("party").GetString() == "External").GetProperty("sipStatus").GetInt32());
        Assert.Equal($"call.not-connected {record.GetProperty("id").GetGuid()} +15559990102 busy: +15559990102 is busy.", await NextAsync(settled));

        await CarrierTrunks.OnlyOutboundTrunkAsync(admin, null, new { });
        await SignOutAsync(agent);
        using var again = await factory.SignInToRoutingAsync("agent2");
        Assert.Equal("no_trunk", (await again.PostJsonAsync("/api/v1/calls", new { to = "+15559990102" }, 409)).GetProperty("cause").GetString());
        await factory.SetDemoAgentPhoneAsync("agent2", null);
        Assert.Equal("no_phone", (await again.PostJsonAsync("/api/v1/calls", new { to = "+15559990102" }, 409)).GetProperty("cause").GetString());
        await again.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }

    [Fact]
    public async Task AnInternalCall_ByExtension_RingsTheOtherAgentsPhone_BridgesThem_AndTheCallerHangsUpFromTheApi()
    {
        await using var callerPhone = TestPhone.Start("desk2", IPAddress.Parse("127.0.0.66"), rtpBase: 45600);
        await using var calleePhone = TestPhone.Start("desk3", IPAddress.Parse("127.0.0.67"), rtpBase: 46000);
        await factory.SetDemoAgentPhoneAsync("agent2", callerPhone.Uri);
        await factory.SetDemoAgentPhoneAsync("agent3", calleePhone.Uri);
        using var agent = await factory.SignInToRoutingAsync("agent2");

        var started = await agent.PostJsonAsync("/api/v1/calls", new { to = "ext:1003", queueId = await factory.QueueIdAsync("Support") }, 202);
        Assert.Equal("Internal", started.GetProperty("direction").GetString());
        var mine = await callerPhone.NextIncomingAsync();
        var theirs = await calleePhone.NextIncomingAsync();
        Assert.Equal("1002", calleePhone.LastCallerNumber);
        mine.PlayTone(1000);
        theirs.PlayTone(440);
        await theirs.WaitUntilAsync(c => c.FramesOf(1000) > 25, "the other agent hears the caller");
        await mine.WaitUntilAsync(c => c.FramesOf(440) > 25, "the caller hears the other agent");

        var callId = started.GetProperty("callId").GetGuid();
        using var agent3 = await factory.SignInDemoAsync("agent3");
        await agent3.PostJsonAsync($"/api/v1/calls/{callId}/hangup", new { }, 404);
        await agent.PostJsonAsync($"/api/v1/calls/{callId}/hangup", new { }, 204);
        await mine.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await theirs.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var record = await factory.CallRecordAsync("1003");
        Assert.Equal(("Internal", "Answered", "agent_hangup", "Agent"), (
            record.GetProperty("direction").GetString(), record.GetProperty("disposition").GetString(),
            record.GetProperty("releaseCause").GetString(), record.GetProperty("releasedBy").GetString()));
        await SignOutAsync(agent);
    }

    [Fact]
    public async Task APlacedCall_EndedThroughItsInteraction_HangsUpWhileTheNumberRings_AndOnceConnected()
    {
        await using var agentPhone = TestPhone.Start("desk2", IPAddress.Parse("127.0.0.68"), rtpBase: 46400);
        await using var outside = TestPhone.Start("+15559990103", IPAddress.Parse("127.0.0.69"), rtpBase: 46800);
        using var admin = await factory.SignInDemoAsync("admin");
        await CarrierTrunks.OnlyOutboundTrunkAsync(admin, outside, new { });
        await factory.SetDemoAgentPhoneAsync("agent2", agentPhone.Uri);
        using var agent = await factory.SignInToRoutingAsync("agent2");
        var support = await factory.QueueIdAsync("Support");

        // The number is still ringing when the agent ends the interaction (say, from the workspace of another tab).
        outside.AnswerDelay = TimeSpan.FromSeconds(30);
        var ringing = await agent.PostJsonAsync("/api/v1/calls", new { to = "+15559990103", queueId = support }, 202);
        var mine = await agentPhone.NextIncomingAsync();
        for (var attempt = 0; outside.LastInvite is null; attempt++)
        {
            Assert.True(attempt < 100, "the number never rang");
            await Task.Delay(100, Ct);
        }

        await agent.PostAsync($"/api/v1/interactions/{ringing.GetProperty("interactionId").GetGuid()}/end", 204);
        await mine.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var first = await ClosedRecordAsync(admin, ringing);
        Assert.Equal("NotAnswered", first.GetProperty("disposition").GetString());
        Assert.StartsWith("ended_", first.GetProperty("releaseCause").GetString(), StringComparison.Ordinal);
        Assert.Equal(487, first.GetProperty("legs").EnumerateArray().Single(l => l.GetProperty("party").GetString() == "External").GetProperty("sipStatus").GetInt32());
        await SignOutAsync(agent);

        // Connected: a supervisor-style end through the interaction hangs up both sides.
        outside.AnswerDelay = TimeSpan.Zero;
        using var again = await factory.SignInToRoutingAsync("agent2");
        var talking = await again.PostJsonAsync("/api/v1/calls", new { to = "+15559990103", queueId = support }, 202);
        var agentCall = await agentPhone.NextIncomingAsync();
        var far = await outside.NextIncomingAsync();
        agentCall.PlayTone(1000);
        await far.WaitUntilAsync(c => c.FramesOf(1000) > 25, "the number hears the agent");
        await again.PostAsync($"/api/v1/interactions/{talking.GetProperty("interactionId").GetGuid()}/end", 204);
        await agentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await far.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var second = await ClosedRecordAsync(admin, talking);
        Assert.Equal(("Answered", "System"), (second.GetProperty("disposition").GetString(), second.GetProperty("releasedBy").GetString()));
        Assert.StartsWith("ended_", second.GetProperty("releaseCause").GetString(), StringComparison.Ordinal);
        await SignOutAsync(again);
    }

    [Fact]
    public async Task AFlowsOfferCallback_EndsTheCall_KeepsACallbackWaiting_AndTheAgentWhoTakesItIsRungThenTheCustomerIsCalledBack()
    {
        await using var customer = TestPhone.Start("+15557654321", IPAddress.Parse("127.0.0.68"), rtpBase: 46400);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.69"), rtpBase: 46800);
        await using var agentPhone = TestPhone.Start("desk2", IPAddress.Parse("127.0.0.70"), rtpBase: 47200);
        using var admin = await factory.SignInDemoAsync("admin");
        await CarrierTrunks.OnlyOutboundTrunkAsync(admin, customer, new { });
        var flow = await Parley.Server.Tests.Flows.FlowsApi.CreateFlowAsync(admin, $$"""
            {
              "name": "Call me back {{Guid.NewGuid():N}}",
              "blocks": [
                { "type": "start", "id": "start", "next": "cb" },
                { "type": "offerCallback", "id": "cb", "queue": "Support", "onFailure": "bye" },
                { "type": "hangUp", "id": "bye" }
              ]
            }
            """);
        var flowId = flow.GetProperty("id").GetGuid();
        Assert.Equal(200, (await Parley.Server.Tests.Flows.FlowsApi.PublishAsync(admin, flowId)).Status);
        var number = await factory.DemoNumberAsync("Flow", flowId, "127.0.0.69");
        await factory.SetDemoAgentPhoneAsync("agent2", agentPhone.Uri);

        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{factory.SipPort}", Ct);
        await call.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var inbound = await factory.CallRecordAsync(number);
        Assert.Equal(("EndedByFlow", "callback_requested"), (inbound.GetProperty("disposition").GetString(), inbound.GetProperty("releaseCause").GetString()));
        var waiting = (await admin.JsonAsync("/api/v1/callbacks")).GetProperty("items").EnumerateArray()
            .Single(c => c.GetProperty("callId").GetGuid() == inbound.GetProperty("id").GetGuid());
        Assert.Equal("+15557654321", waiting.GetProperty("number").GetString());
        Assert.Equal(await factory.QueueIdAsync("Support"), waiting.GetProperty("queueId").GetGuid());

        using var agent = await factory.SignInToRoutingAsync("agent2");
        var mine = await agentPhone.NextIncomingAsync();
        Assert.Equal("Callback: +15557654321", mine.FromDisplayName);
        var back = await customer.NextIncomingAsync();
        mine.PlayTone(1000);
        back.PlayTone(440);
        await back.WaitUntilAsync(c => c.FramesOf(1000) > 25, "the customer hears the agent");
        await mine.WaitUntilAsync(c => c.FramesOf(440) > 25, "the agent hears the customer");
        await back.HangUpAsync();
        await mine.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var record = await factory.CallRecordAsync("+15557654321");
        Assert.Equal(("Outbound", "Answered", "far_end_hangup"), (
            record.GetProperty("direction").GetString(), record.GetProperty("disposition").GetString(), record.GetProperty("releaseCause").GetString()));
        Assert.Equal(waiting.GetProperty("interactionId").GetGuid(), record.GetProperty("interactionId").GetGuid());
        Assert.DoesNotContain((await admin.JsonAsync("/api/v1/callbacks")).GetProperty("items").EnumerateArray(),
            c => c.GetProperty("interactionId").GetGuid() == waiting.GetProperty("interactionId").GetGuid());
        await WaitForStateAsync("agent2", "AfterCallWork");
        await SignOutAsync(agent);
    }

    [Fact]
    public async Task APlacedCall_IsHeldWithMusicAndResumed_AndASupervisorListensToIt_AsOnACallToANumber()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 34000);
        await using var outside = TestPhone.Start("+15559990103", IPAddress.Parse("127.0.0.115"), rtpBase: 34400);
        await using var supervisorPhone = TestPhone.Start("sam", rtpBase: 34800);
        await LiveCallSetup.SetSupervisorPhoneAsync(factory, supervisorPhone.Uri);
        var live = await LiveCallSetup.PlaceAsync(factory, agentPhone, outside, "agent2", "Support");

        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/hold", new { }, 204);
        var agentTone = live.CallerCall.FramesOf(1000);
        var loud = live.CallerCall.LoudFrames;
        await live.CallerCall.WaitUntilAsync(c => c.LoudFrames > loud + 100, "the held customer hears music");
        Assert.InRange(live.CallerCall.FramesOf(1000) - agentTone, 0, 30); // what was on the way when the hold began
        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/resume", new { }, 204);
        await LiveCallSetup.AssertHearsAsync(live.CallerCall, "the customer after the resume", [1000], []);

        using var supervisor = await factory.SignInDemoAsync("supervisor");
        var (sam, _) = await LiveCallSetup.MonitorAsync(supervisor, live.CallId, supervisorPhone, "listen");
        await LiveCallSetup.AssertHearsAsync(sam, "the listening supervisor", [440, 1000], []);
        await LiveCallSetup.AssertHearsAsync(live.CallerCall, "the customer", [1000], [1700]);

        await live.CallerCall.HangUpAsync();
        await sam.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var record = await factory.CallRecordAsync(live.Number);
        Assert.Equal(("far_end_hangup", 1), (record.GetProperty("releaseCause").GetString(), record.GetProperty("holdCount").GetInt32()));
        await SignOutAsync(live.Agent);
    }

    /// <summary>The record (with its legs) of the call <paramref name="started"/> placed, once it is closed.</summary>
    private async Task<JsonElement> ClosedRecordAsync(HttpClient admin, JsonElement started)
    {
        var callId = started.GetProperty("callId").GetGuid();
        await factory.CallRecordAsync(started.GetProperty("to").GetString()!, r => r.GetProperty("id").GetGuid() == callId);
        return await admin.JsonAsync($"/api/v1/calls/{callId}");
    }

    /// <summary>
    /// How placed calls settled, as the tenant's live feed (the agent's workspace among its listeners) hears them:
    /// "type callId to[ cause: reason]".
    /// </summary>
    private async Task<IDisposable> SettledEventsAsync(ConcurrentQueue<string> settled) =>
        factory.Services.GetRequiredService<Parley.Server.Routing.TenantEventSubscriptions>().Subscribe(await factory.DemoTenantIdAsync(), events =>
        {
            foreach (var e in events.Where(e => e.Type is "call.connected" or "call.not-connected"))
            {
                var failure = e.Data.TryGetValue("cause", out var cause) ? $" {cause}: {e.Data["reason"]}" : string.Empty;
                settled.Enqueue($"{e.Type} {e.Data["callId"]} {e.Data["to"]}{failure}");
            }

            return Task.CompletedTask;
        });

    private static async Task<string> NextAsync(ConcurrentQueue<string> settled)
    {
        string? next;
        for (var attempt = 0; !settled.TryDequeue(out next); attempt++)
        {
            Assert.True(attempt < 100, "no placed call settled within 10 s");
            await Task.Delay(100, Ct);
        }

        return next;
    }

    private async Task WaitForStateAsync(string userName, string state)
    {
        for (var attempt = 0; await factory.AgentStateAsync(userName) != state; attempt++)
        {
            Assert.True(attempt < 100, $"{userName} never reached {state}");
            await Task.Delay(100, Ct);
        }
    }

    private static async Task SignOutAsync(HttpClient agent)
    {
        var work = await agent.JsonAsync("/api/v1/agents/me/interactions");
        var items = work.ValueKind == JsonValueKind.Array ? work : work.GetProperty("items");
        foreach (var owed in items.EnumerateArray().Where(w => w.GetProperty("status").ToString() is "WrapUp" or "2"))
        {
            using var done = await agent.PostAsync($"/api/v1/interactions/{owed.GetProperty("interactionId").GetGuid()}/wrap-up",
                System.Net.Http.Json.JsonContent.Create(new { code = "resolved" }), Ct);
        }

        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }
}
