using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Parley.Media.Sdp;
using Parley.Server.Tests.Acd;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>
/// An agent's control of their live call over real SIP and RTP on loopback: hold with music, mute, keys, hang up and
/// blind transfer through <c>/api/v1/calls/{id}/…</c>, and hold from the agent's phone by re-INVITE.
/// </summary>
public sealed class CallControlTests(VoiceCallAppFactory factory) : IClassFixture<VoiceCallAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hold_TheCustomerHearsMusicAndNotTheAgent_ResumeReconnectsThem_TheRecordCountsHoldTime_AndEachActionIsReported()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 57000);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.41"), rtpBase: 57400);
        var live = await BridgeAsync(agentPhone, caller, "agent2", "Support", "127.0.0.41");
        var reported = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var feed = factory.Services.GetRequiredService<Parley.Server.Routing.TenantEventSubscriptions>().Subscribe(await factory.DemoTenantIdAsync(), events =>
        {
            foreach (var e in events.Where(e => e.Type.StartsWith("call.", StringComparison.Ordinal) && Equals(e.Data["callId"], live.CallId)))
            {
                reported.Enqueue(e.Type);
            }

            return Task.CompletedTask;
        });

        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/hold", new { }, 204);
        await AssertHeldAsync(live);

        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/resume", new { }, 204);
        await AssertTalkingAsync(live);

        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/hangup", new { }, 204);
        await live.CallerCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var record = await factory.CallRecordAsync(live.Number);
        Assert.Equal(("Answered", "agent_hangup", "Agent"), (record.GetProperty("disposition").GetString(), record.GetProperty("releaseCause").GetString(), record.GetProperty("releasedBy").GetString()));
        Assert.Equal(1, record.GetProperty("holdCount").GetInt32());
        Assert.True(record.GetProperty("holdSeconds").GetDouble() > 0, record.ToString());
        Assert.Equal("AfterCallWork", await factory.AgentStateAsync("agent2"));
        Assert.Equal(["call.held", "call.resumed", "call.ended"], reported);
        await SignOutAsync(live);
    }

    [Fact]
    public async Task Mute_StopsTheCustomerHearingTheAgentOnly_AndKeysReachTheCustomer()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 57800);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.42"), rtpBase: 58200);
        var live = await BridgeAsync(agentPhone, caller, "agent2", "Support", "127.0.0.42");

        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/mute", new { }, 204);
        var customerTone = live.AgentCall.FramesOf(440);
        await live.AgentCall.WaitUntilAsync(c => c.FramesOf(440) > customerTone + 10, "frames relayed before the mute are out");
        var agentTone = live.CallerCall.FramesOf(1000);
        customerTone = live.AgentCall.FramesOf(440);
        await live.AgentCall.WaitUntilAsync(c => c.FramesOf(440) > customerTone + 50, "the muted agent still hears the customer");
        Assert.InRange(live.CallerCall.FramesOf(1000) - agentTone, 0, 3);

        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/unmute", new { }, 204);
        await live.CallerCall.WaitUntilAsync(c => c.FramesOf(1000) > agentTone + 25, "the customer hears the agent again");

        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/dtmf", new { digits = "12#" }, 204);
        await live.CallerCall.WaitUntilAsync(c => c.Digits.Contains("12#", StringComparison.Ordinal), "the keys reach the customer");

        await live.CallerCall.HangUpAsync();
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await SignOutAsync(live);
    }

    [Fact]
    public async Task OnlyTheCallsAgent_MayControlIt_AnotherAgentOrTenantGets404_AndAWaitingCall409()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 58600);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.43"), rtpBase: 59000);
        await factory.SetDemoAgentPhoneAsync("agent2", agentPhone.Uri);
        var number = await factory.DemoNumberAsync("Queue", await factory.QueueIdAsync("Support"), "127.0.0.43");
        using var agent2 = await factory.SignInDemoAsync("agent2");
        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{factory.SipPort}", Ct);
        await call.WaitUntilAsync(c => c.LoudFrames > 10, "the caller waits in the queue");
        var callId = await OpenCallIdAsync(number);

        await agent2.PostJsonAsync($"/api/v1/calls/{callId}/hold", new { }, 409);
        using var routed = await factory.SignInToRoutingAsync("agent2");
        var ringing = await agentPhone.NextIncomingAsync();
        await WaitBridgedAsync(routed, callId);

        using var agent3 = await factory.SignInDemoAsync("agent3");
        await agent3.PostJsonAsync($"/api/v1/calls/{callId}/hold", new { }, 404);
        await agent3.PostJsonAsync($"/api/v1/calls/{callId}/hangup", new { }, 404);
        var other = await factory.CreateOtherTenantAsync("calls-b");
        using var boss = await factory.SignInAsync(other.Slug, other.AdminUserName, other.AdminPassword);
        await boss.PostJsonAsync($"/api/v1/calls/{callId}/hangup", new { }, 404);
        await routed.PostJsonAsync($"/api/v1/calls/{Guid.NewGuid()}/hold", new { }, 404);
        await routed.PostJsonAsync($"/api/v1/calls/{callId}/dtmf", new { digits = "12x" }, 400);
        await routed.PostJsonAsync($"/api/v1/calls/{callId}/transfer", new { to = new { } }, 400);
        await routed.PostJsonAsync($"/api/v1/calls/{callId}/transfer", new { to = new { queue = Guid.NewGuid() } }, 400);
        Assert.False(ringing.Ended.IsCompleted, "refused commands leave the call alone");

        await call.HangUpAsync();
        await ringing.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await routed.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }

    [Fact]
    public async Task ATransferToAQueue_EndsTheAgentsLeg_AndReoffersTheCustomer_ToAnotherAgentWhoTalksToThem()
    {
        await using var firstPhone = TestPhone.Start("desk2", rtpBase: 59400);
        await using var secondPhone = TestPhone.Start("desk3", rtpBase: 59800);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.44"), rtpBase: 60200);
        await factory.SetDemoAgentPhoneAsync("agent3", secondPhone.Uri);
        var live = await BridgeAsync(firstPhone, caller, "agent2", "Support", "127.0.0.44");
        using var second = await factory.SignInToRoutingAsync("agent3");

        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/transfer", new { to = new { queue = await factory.QueueIdAsync("Sales") } }, 204);
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal("AfterCallWork", await factory.AgentStateAsync("agent2"));
        var rung = await secondPhone.NextIncomingAsync();
        Assert.StartsWith("Sales: ", rung.FromDisplayName, StringComparison.Ordinal);
        rung.PlayTone(1000);
        var before = live.CallerCall.FramesOf(1000);
        await live.CallerCall.WaitUntilAsync(c => c.FramesOf(1000) > before + 25, "the customer hears the second agent");
        await rung.WaitUntilAsync(c => c.FramesOf(440) > 25, "the second agent hears the customer");

        await rung.HangUpAsync();
        await live.CallerCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var record = await factory.CallRecordAsync(live.Number);
        using var admin = await factory.SignInDemoAsync("admin");
        var legs = (await admin.JsonAsync($"/api/v1/calls/{record.GetProperty("id").GetGuid()}")).GetProperty("legs").EnumerateArray().ToList();
        Assert.Equal(["Caller", "Agent", "Agent"], legs.Select(l => l.GetProperty("party").GetString()));
        Assert.Equal("transferred", legs[1].GetProperty("releaseCause").GetString());
        Assert.Equal(await factory.QueueIdAsync("Sales"), record.GetProperty("queueId").GetGuid());
        await SignOutAsync(live);
        await second.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }

    [Fact]
    public async Task ATransferToANumber_CallsItThroughTheTenantsTrunk_AndBridgesTheCustomer()
    {
        await using var outside = TestPhone.Start("+15559990001", rtpBase: 60600);
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 61000);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.45"), rtpBase: 61400);
        using var admin = await factory.SignInDemoAsync("admin");
        await OnlyOutboundTrunkAsync(admin, "Carrier out (transfers)", "127.0.0.46/32", outside);
        var live = await BridgeAsync(agentPhone, caller, "agent2", "Support", "127.0.0.45");

        var carrier = await TransferToTheOutsideNumberAsync(live, outside, "+15559990001");
        await carrier.WaitUntilAsync(c => c.FramesOf(440) > 25, "the outside number hears the customer");

        await live.CallerCall.HangUpAsync();
        await carrier.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var record = await factory.CallRecordAsync(live.Number);
        var legs = (await admin.JsonAsync($"/api/v1/calls/{record.GetProperty("id").GetGuid()}")).GetProperty("legs");
        Assert.Equal(["Caller", "Agent", "External"], legs.EnumerateArray().Select(l => l.GetProperty("party").GetString()));
        await SignOutAsync(live);
    }

    [Fact]
    public async Task ATransferOrConsultToANumberNoTrunkMayCall_IsRefused409_AndTheAgentAndTheCustomerKeepTalking()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 27000);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.50"), rtpBase: 27400);
        using var admin = await factory.SignInDemoAsync("admin");
        await CarrierTrunks.OnlyOutboundTrunkAsync(admin, carrier: null);
        var live = await BridgeAsync(agentPhone, caller, "agent2", "Support", "127.0.0.50");

        var transfer = await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/transfer", new { to = new { number = "+15559990001" } }, 409);
        Assert.Equal("The tenant has no trunk that may call that number.", transfer.GetProperty("detail").GetString());
        var consult = await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/consult", new { to = new { number = "+15559990001" } }, 409);
        Assert.Equal("The tenant has no trunk that may call that number.", consult.GetProperty("detail").GetString());

        Assert.False(live.AgentCall.Ended.IsCompleted, "the agent's leg is not released by a refused transfer");
        await AssertTalkingAsync(live);
        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/hold", new { }, 204);
        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/resume", new { }, 204);

        await live.CallerCall.HangUpAsync();
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var record = await factory.CallRecordAsync(live.Number);
        Assert.Equal("caller_hangup", record.GetProperty("releaseCause").GetString());
        await SignOutAsync(live);
    }

    [Fact]
    public async Task ASupervisorsRelease_AfterATransferToANumber_EndsTheCustomerAndTheOutsideNumber_AndClosesTheRecord()
    {
        await using var outside = TestPhone.Start("+15559990003", rtpBase: 27800);
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 28200);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.51"), rtpBase: 28600);
        using var admin = await factory.SignInDemoAsync("admin");
        await OnlyOutboundTrunkAsync(admin, "Carrier out (release)", "127.0.0.52/32", outside);
        var live = await BridgeAsync(agentPhone, caller, "agent2", "Support", "127.0.0.51");
        var carrier = await TransferToTheOutsideNumberAsync(live, outside, "+15559990003");

        using var supervisor = await factory.SignInDemoAsync("supervisor");
        await supervisor.PostJsonAsync($"/api/v1/calls/{live.CallId}/release", new { }, 204);
        await live.CallerCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await carrier.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var record = await factory.CallRecordAsync(live.Number);
        Assert.Equal(("supervisor_release", "Supervisor"), (record.GetProperty("releaseCause").GetString(), record.GetProperty("releasedBy").GetString()));
        var legs = (await admin.JsonAsync($"/api/v1/calls/{record.GetProperty("id").GetGuid()}")).GetProperty("legs");
        Assert.Equal("supervisor_release", legs.EnumerateArray().Single(l => l.GetProperty("party").GetString() == "External").GetProperty("releaseCause").GetString());
        await SignOutAsync(live);
    }

    [Fact]
    public async Task AReInviteHoldFromTheAgentsPhone_PlaysMusicToTheCustomer_AndSendrecvResumes_ReportedAsTheApisEvents()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 61800);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.47"), rtpBase: 62200);
        var live = await BridgeAsync(agentPhone, caller, "agent2", "Support", "127.0.0.47");
        var reported = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var feed = await PhoneEventsAsync(live.CallId, reported);

        Assert.Equal(200, (await live.AgentCall.Dialog!.ReInviteAsync(Offer(live.AgentCall, MediaDirection.SendOnly), Ct)).StatusCode);
        await AssertHeldAsync(live);
        Assert.Equal(200, (await live.AgentCall.Dialog!.ReInviteAsync(Offer(live.AgentCall, MediaDirection.SendRecv), Ct)).StatusCode);
        await AssertTalkingAsync(live);
        await UntilAsync(() => reported.Count >= 2);
        Assert.Equal(["call.held from phone", "call.resumed from phone"], reported.Order());

        await live.CallerCall.HangUpAsync();
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var record = await factory.CallRecordAsync(live.Number);
        Assert.Equal(1, record.GetProperty("holdCount").GetInt32());
        await SignOutAsync(live);
    }

    [Fact]
    public async Task ABlindReferFromTheAgentsPhone_Answers202_AndSendsTheCustomerToTheNumberThroughTheTrunk()
    {
        await using var outside = TestPhone.Start("+15559990002", rtpBase: 62600);
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 63000);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.48"), rtpBase: 63400);
        using var admin = await factory.SignInDemoAsync("admin");
        await OnlyOutboundTrunkAsync(admin, "Carrier out (REFER)", "127.0.0.49/32", outside);
        var live = await BridgeAsync(agentPhone, caller, "agent2", "Support", "127.0.0.48");
        var reported = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var feed = await PhoneEventsAsync(live.CallId, reported);

        Assert.Equal(400, (await live.AgentCall.Dialog!.ReferAsync("sip:+15559990002@127.0.0.1", replaces: "abc;to-tag=1", cancellationToken: Ct)).StatusCode);
        Assert.Equal(603, (await live.AgentCall.Dialog!.ReferAsync("sip:not-a-number@127.0.0.1", cancellationToken: Ct)).StatusCode);
        Assert.Equal(202, (await live.AgentCall.Dialog!.ReferAsync("sip:+15559990002@127.0.0.1", cancellationToken: Ct)).StatusCode);
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var carrier = await outside.NextIncomingAsync();
        carrier.PlayTone(1000);
        var before = live.CallerCall.FramesOf(1000);
        await live.CallerCall.WaitUntilAsync(c => c.FramesOf(1000) > before + 25, "the customer hears the number the agent referred them to");

        await carrier.HangUpAsync();
        await live.CallerCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await UntilAsync(() => !reported.IsEmpty);
        Assert.Equal(["call.transferred from phone"], reported);
        await SignOutAsync(live);
    }

    /// <summary>The call events of <paramref name="callId"/> the tenant's live feed hears, as "type from source".</summary>
    private async Task<IDisposable> PhoneEventsAsync(Guid callId, System.Collections.Concurrent.ConcurrentQueue<string> reported) =>
        factory.Services.GetRequiredService<Parley.Server.Routing.TenantEventSubscriptions>().Subscribe(await factory.DemoTenantIdAsync(), events =>
        {
            foreach (var e in events.Where(e => e.Type.StartsWith("call.", StringComparison.Ordinal) && Equals(e.Data["callId"], callId)))
            {
                reported.Enqueue($"{e.Type} from {e.Data.GetValueOrDefault("from")}");
            }

            return Task.CompletedTask;
        });

    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50, Ct);
        }
    }

    /// <summary>Outbound calls go through the tenant's oldest trunk with a host: the other tests' trunks go first.</summary>
    private static async Task OnlyOutboundTrunkAsync(HttpClient admin, string name, string address, TestPhone carrier)
    {
        var trunks = await admin.JsonAsync("/api/v1/trunks?limit=200");
        var items = trunks.ValueKind == JsonValueKind.Array ? trunks : trunks.GetProperty("items");
        foreach (var trunk in items.EnumerateArray().Where(t => t.TryGetProperty("outboundHost", out var host) && host.ValueKind == JsonValueKind.String))
        {
            using var deleted = await admin.DeleteAsync($"/api/v1/trunks/{trunk.GetProperty("id").GetGuid()}", Ct);
        }

        await admin.PostJsonAsync("/api/v1/trunks", new { name, allowedAddresses = new[] { address }, outboundHost = "127.0.0.1", outboundPort = carrier.Stack.Listeners[0].EndPoint.Port }, 201);
    }

    /// <summary>On hold: the customer hears music (loud, never the agent's 1 kHz) and the agent hears nothing of the customer.</summary>
    private static async Task AssertHeldAsync(LiveCall live)
    {
        var loud = live.CallerCall.LoudFrames;
        await live.CallerCall.WaitUntilAsync(c => c.LoudFrames > loud + 25, "frames relayed before the hold are out");
        var agentTone = live.CallerCall.FramesOf(1000);
        var customerTone = live.AgentCall.FramesOf(440);
        loud = live.CallerCall.LoudFrames;
        await live.CallerCall.WaitUntilAsync(c => c.LoudFrames > loud + 100, "two more seconds of music");
        Assert.InRange(live.CallerCall.FramesOf(1000) - agentTone, 0, 3);
        Assert.InRange(live.AgentCall.FramesOf(440) - customerTone, 0, 3);
    }

    private static async Task AssertTalkingAsync(LiveCall live)
    {
        var agentTone = live.CallerCall.FramesOf(1000);
        var customerTone = live.AgentCall.FramesOf(440);
        await live.CallerCall.WaitUntilAsync(c => c.FramesOf(1000) > agentTone + 25, "the customer hears the agent again");
        await live.AgentCall.WaitUntilAsync(c => c.FramesOf(440) > customerTone + 25, "the agent hears the customer again");
    }

    /// <summary>A caller from <paramref name="callerAddress"/> to a new number on <paramref name="queue"/>, bridged with the agent's phone, tones playing both ways.</summary>
    /// <summary>The agent blind-transfers the customer to <paramref name="number"/>; returns the outside phone's call once the customer hears it.</summary>
    private static async Task<PhoneCall> TransferToTheOutsideNumberAsync(LiveCall live, TestPhone outside, string number)
    {
        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/transfer", new { to = new { number } }, 204);
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var carrier = await outside.NextIncomingAsync();
        carrier.PlayTone(1000);
        var before = live.CallerCall.FramesOf(1000);
        await live.CallerCall.WaitUntilAsync(c => c.FramesOf(1000) > before + 25, "the customer hears the outside number");
        return carrier;
    }

    private async Task<LiveCall> BridgeAsync(TestPhone agentPhone, TestPhone caller, string agentUser, string queue, string callerAddress)
    {
        await factory.SetDemoAgentPhoneAsync(agentUser, agentPhone.Uri);
        var number = await factory.DemoNumberAsync("Queue", await factory.QueueIdAsync(queue), callerAddress);
        var agent = await factory.SignInToRoutingAsync(agentUser);
        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{factory.SipPort}", Ct);
        var ringing = await agentPhone.NextIncomingAsync();
        call.PlayTone(440);
        ringing.PlayTone(1000);
        await ringing.WaitUntilAsync(c => c.FramesOf(440) > 25, "the agent hears the caller's 440 Hz");
        await call.WaitUntilAsync(c => c.FramesOf(1000) > 25, "the caller hears the agent's 1 kHz");
        return new LiveCall(agent, call, ringing, number, await OpenCallIdAsync(number));
    }

    private async Task<Guid> OpenCallIdAsync(string number)
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var page = await admin.JsonAsync($"/api/v1/calls?calledNumber={Uri.EscapeDataString(number)}&limit=1");
        return page.GetProperty("items")[0].GetProperty("id").GetGuid();
    }

    /// <summary>Waits until the call's answer reached the call model (resume is a no-op on a call not on hold).</summary>
    private static async Task WaitBridgedAsync(HttpClient agent, Guid callId)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await agent.PostAsJsonAsync($"/api/v1/calls/{callId}/resume", new { }, Ct);
            if (response.StatusCode == HttpStatusCode.NoContent || attempt == 100)
            {
                Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
                return;
            }

            await Task.Delay(100, Ct);
        }
    }

    private static ReadOnlyMemory<byte> Offer(PhoneCall call, MediaDirection direction)
    {
        var local = new SdpOfferParameters(IPAddress.Loopback, call.Session!.LocalPort) { Direction = direction, SessionVersion = direction == MediaDirection.SendRecv ? 3UL : 2UL };
        return Encoding.ASCII.GetBytes(SdpNegotiator.CreateOffer(local).ToString());
    }

    private static async Task SignOutAsync(LiveCall live)
    {
        var work = await live.Agent.JsonAsync("/api/v1/agents/me/interactions");
        var items = work.ValueKind == JsonValueKind.Array ? work : work.GetProperty("items");
        foreach (var owed in items.EnumerateArray().Where(w => w.GetProperty("status").ToString() is "WrapUp" or "2"))
        {
            using var done = await live.Agent.PostAsJsonAsync($"/api/v1/interactions/{owed.GetProperty("interactionId").GetGuid()}/wrap-up", new { code = "resolved" }, Ct);
        }

        await live.Agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
        live.Agent.Dispose();
    }

    private sealed record LiveCall(HttpClient Agent, PhoneCall CallerCall, PhoneCall AgentCall, string Number, Guid CallId);
}
