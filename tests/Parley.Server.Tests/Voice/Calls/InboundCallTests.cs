using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Sip;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>
/// Calls to a tenant's number end to end over real SIP and RTP on loopback: a carrier's caller, the routing grain, and
/// agents' phones that ring, answer or refuse.
/// </summary>
public sealed class InboundCallTests(VoiceCallAppFactory factory) : IClassFixture<VoiceCallAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACallToAQueueNumber_RingsTheAgentsPhone_BridgesToneAndDigitsBothWays_AndEndsBothLegs()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 52000);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.21"), rtpBase: 53000);
        await factory.SetDemoAgentPhoneAsync("agent2", agentPhone.Uri);
        await factory.SignOutOfRoutingAsync("agent2");
        var number = await factory.DemoNumberAsync("Queue", await factory.QueueIdAsync("Support"), "127.0.0.21");

        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{factory.SipPort}", Ct);
        await call.WaitUntilAsync(c => c.LoudFrames > 10, "the caller hears the queue (announcement or music)", explain: () => factory.Logs.Tail());
        using var agent = await factory.SignInToRoutingAsync("agent2");
        var ringing = await agentPhone.NextIncomingAsync();
        Assert.Equal("Support: +15557654321", ringing.FromDisplayName);

        call.PlayTone(440);
        ringing.PlayTone(1000);
        await ringing.WaitUntilAsync(c => c.FramesOf(440) > 25, "the agent hears the caller's 440 Hz", explain: () => factory.Logs.Tail());
        await call.WaitUntilAsync(c => c.FramesOf(1000) > 25, "the caller hears the agent's 1 kHz", explain: () => factory.Logs.Tail());
        call.Session!.SendDigits("5");
        ringing.Session!.SendDigits("7");
        await ringing.WaitUntilAsync(c => c.Digits.Contains('5', StringComparison.Ordinal), "the caller's digit reaches the agent");
        await call.WaitUntilAsync(c => c.Digits.Contains('7', StringComparison.Ordinal), "the agent's digit reaches the caller");

        await call.HangUpAsync();
        await ringing.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal("AfterCallWork", await factory.AgentStateAsync("agent2", awaited: "AfterCallWork"));
        var record = await factory.CallRecordAsync(number);
        await agent.PostJsonAsync($"/api/v1/interactions/{record.GetProperty("interactionId").GetString()}/wrap-up", new { code = "resolved" }, 204);
        Assert.Equal("Available", await factory.AgentStateAsync("agent2"));
        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);

        var closed = await factory.CallRecordAsync(number, r => r.TryGetProperty("wrapUpEndedAt", out var w) && w.ValueKind == System.Text.Json.JsonValueKind.String);
        foreach (var milestone in new[] { "arrivedAt", "queuedAt", "offeredAt", "answeredAt", "endedAt", "wrapUpEndedAt" })
        {
            Assert.Equal(System.Text.Json.JsonValueKind.String, closed.GetProperty(milestone).ValueKind);
        }

        Assert.Equal(("Answered", "caller_hangup", "Caller"), (closed.GetProperty("disposition").GetString(), closed.GetProperty("releaseCause").GetString(), closed.GetProperty("releasedBy").GetString()));
        Assert.Equal("+15557654321", closed.GetProperty("callerNumber").GetString());
        Assert.True(closed.GetProperty("talkSeconds").GetDouble() > 0);
        using var admin = await factory.SignInDemoAsync("admin");
        var detail = await admin.JsonAsync($"/api/v1/calls/{closed.GetProperty("id").GetGuid()}");
        Assert.Equal(["Caller", "Agent"], detail.GetProperty("legs").EnumerateArray().Select(l => l.GetProperty("party").GetString()));
    }

    [Fact]
    public async Task AnAgentsPhoneThatRefuses_SendsTheCallBackThroughRouting_ToAnotherAgent_AndTheAgentHangingUpEndsTheCaller()
    {
        await using var busyPhone = TestPhone.Start("desk1", rtpBase: 52400);
        await using var otherPhone = TestPhone.Start("desk3", rtpBase: 52800);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.22"), rtpBase: 53400);
        busyPhone.AnswerStatus = 486;
        await factory.SetDemoAgentPhoneAsync("agent1", busyPhone.Uri);
        await factory.SetDemoAgentPhoneAsync("agent3", otherPhone.Uri);
        var number = await factory.DemoNumberAsync("Queue", await factory.QueueIdAsync("Sales"), "127.0.0.22");
        using var first = await factory.SignInToRoutingAsync("agent1");

        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{factory.SipPort}", Ct);
        var refused = await busyPhone.NextIncomingAsync();
        Assert.Null(refused.Dialog);
        await busyPhone.NextIncomingAsync();
        Assert.Equal("NotReady", await factory.AgentStateAsync("agent1")); // two misses in a row: routing stops offering to agent1
        var beforeTheLastOffer = TimeProvider.System.GetUtcNow(); // the voice tests' server runs on real time
        using var second = await factory.SignInToRoutingAsync("agent3");
        var answered = await otherPhone.NextIncomingAsync();

        await answered.HangUpAsync();
        await call.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var record = await factory.CallRecordAsync(number);
        Assert.True(record.GetProperty("offeredAt").GetDateTimeOffset() >= beforeTheLastOffer, $"ring time runs from the offer that was answered: {record}");
        await first.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
        await second.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }

    [Fact]
    public async Task AnAgentWhosePhoneIsNotRegistered_IsNotOfferedCalls_UntilTheirPhoneRegisters()
    {
        await using var softphone = TestPhone.Start("agent2", rtpBase: 54000);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.23"), rtpBase: 54400);
        await factory.SetDemoAgentPhoneAsync("agent2", null, await SipCredentialIdAsync("agent2"));
        var number = await factory.DemoNumberAsync("Queue", await factory.QueueIdAsync("Support"), "127.0.0.23");
        using var agent = await factory.SignInToRoutingAsync("agent2");

        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{factory.SipPort}", Ct);
        Assert.True(await softphone.StaysQuietAsync(TimeSpan.FromSeconds(2)), "an unregistered phone must not ring");

        var registered = await SipDigestRegistration.RegisterAsync(
            factory.SipPort, "agent2", "demo.sip.parley", Support.ParleyAppFactory.DemoSipPassword, 300, Ct, softphone.Uri);
        Assert.StartsWith("SIP/2.0 200", registered, StringComparison.Ordinal);
        var ringing = await softphone.NextIncomingAsync();
        ringing.PlayTone(1000);
        await call.WaitUntilAsync(c => c.FramesOf(1000) > 10, "the caller hears the registered phone");

        await call.HangUpAsync();
        await ringing.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await SipDigestRegistration.RegisterAsync(factory.SipPort, "agent2", "demo.sip.parley", Support.ParleyAppFactory.DemoSipPassword, 0, Ct, softphone.Uri);
        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }

    [Fact]
    public async Task TheDemoNumber_GreetsTheCaller_AndPressing2_RingsSupport()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 54800);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.24"), rtpBase: 55200);
        await factory.SetDemoAgentPhoneAsync("agent2", agentPhone.Uri);
        using var admin = await factory.SignInDemoAsync("admin");
        await admin.PostJsonAsync("/api/v1/trunks", new { name = "Demo carrier", allowedAddresses = new[] { "127.0.0.24/32" } }, 201);
        factory.Services.GetRequiredService<Parley.Server.Voice.NumberDirectory>().Invalidate();
        using var agent = await factory.SignInToRoutingAsync("agent2");
        var path = new List<string>();

        var call = await caller.CallAsync($"sip:+15550100@127.0.0.1:{factory.SipPort}", Ct);
        await call.WaitUntilAsync(c => c.LoudFrames > 50, "the caller hears the greeting");
        call.Session!.SendDigits("2");
        var ringing = await agentPhone.NextIncomingAsync();

        Assert.Equal("Support: +15557654321", ringing.FromDisplayName);
        await call.HangUpAsync();
        await ringing.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var record = await factory.CallRecordAsync("+15550100");
        var numbers = (await admin.JsonAsync("/api/v1/numbers")).GetProperty("items").EnumerateArray();
        Assert.Equal(numbers.Single(n => n.GetProperty("number").GetString() == "+15550100").GetProperty("id").GetGuid(), record.GetProperty("numberId").GetGuid());
        Assert.Equal(System.Text.Json.JsonValueKind.String, record.GetProperty("ivrExitAt").ValueKind);
        Assert.True(record.GetProperty("ivrExitAt").GetDateTimeOffset() <= record.GetProperty("queuedAt").GetDateTimeOffset(), "the caller leaves the IVR no later than they are queued");
        var detail = await admin.JsonAsync($"/api/v1/calls/{record.GetProperty("id").GetGuid()}");
        path.AddRange(detail.GetProperty("flowPath").EnumerateArray().Select(p => p.GetProperty("blockType").GetString()!));
        Assert.Contains("menu", path);
        Assert.Contains("transferToQueue", path);
        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }

    [Fact]
    public async Task ACallerWhoHangsUpWhileWaiting_IsRecordedAsAbandonedInTheQueue()
    {
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.25"), rtpBase: 55600);
        using var admin = await factory.SignInDemoAsync("admin");
        var number = await factory.DemoNumberAsync("Queue", await admin.CreateUnservedQueueAsync("Voice"), "127.0.0.25");

        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{factory.SipPort}", Ct);
        await call.WaitUntilAsync(c => c.LoudFrames > 10, "the caller hears the queue");
        await call.HangUpAsync();

        var record = await factory.CallRecordAsync(number);
        Assert.Equal(("AbandonedInQueue", "caller_hangup", "Caller"), (record.GetProperty("disposition").GetString(), record.GetProperty("releaseCause").GetString(), record.GetProperty("releasedBy").GetString()));
        var interaction = await admin.JsonAsync($"/api/v1/interactions/{record.GetProperty("interactionId").GetString()}");
        Assert.Equal("Abandoned", interaction.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AFlowsTransferToANumber_CallsItThroughTheTenantsTrunk_WithTheTrunksCallerId_AndBridges()
    {
        await using var outside = TestPhone.Start("+15559990000", rtpBase: 56000);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.26"), rtpBase: 56400);
        using var admin = await factory.SignInDemoAsync("admin");
        await admin.PostJsonAsync("/api/v1/trunks", new
        {
            name = "Carrier out",
            allowedAddresses = new[] { "127.0.0.26/32" },
            outboundHost = "127.0.0.1",
            outboundPort = outside.Stack.Listeners[0].EndPoint.Port,
            callerIdPolicy = "Fixed",
            callerIdNumber = "+15550100",
        }, 201);
        var flow = await Parley.Server.Tests.Flows.FlowsApi.CreateFlowAsync(admin, $$"""
            {
              "name": "To the field team {{Guid.NewGuid():N}}",
              "blocks": [
                { "type": "start", "id": "start", "next": "out" },
                { "type": "transferToNumber", "id": "out", "number": "+15559990000", "onFailure": "bye" },
                { "type": "hangUp", "id": "bye" }
              ]
            }
            """);
        var flowId = flow.GetProperty("id").GetGuid();
        Assert.Equal(200, (await Parley.Server.Tests.Flows.FlowsApi.PublishAsync(admin, flowId)).Status);
        var number = await factory.DemoNumberAsync("Flow", flowId, "127.0.0.26");

        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{factory.SipPort}", Ct);
        var ringing = await outside.NextIncomingAsync();
        ringing.PlayTone(1000);
        call.PlayTone(440);
        await call.WaitUntilAsync(c => c.FramesOf(1000) > 25, "the caller hears the outside number");
        await ringing.WaitUntilAsync(c => c.FramesOf(440) > 25, "the outside number hears the caller");

        await ringing.HangUpAsync();
        await call.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var record = await factory.CallRecordAsync(number);
        Assert.Equal(("Answered", "far_end_hangup", "External"), (record.GetProperty("disposition").GetString(), record.GetProperty("releaseCause").GetString(), record.GetProperty("releasedBy").GetString()));
        var legs = (await admin.JsonAsync($"/api/v1/calls/{record.GetProperty("id").GetGuid()}")).GetProperty("legs");
        Assert.Equal(["Caller", "External"], legs.EnumerateArray().Select(l => l.GetProperty("party").GetString()));
        Assert.Equal("+15550100", outside.LastCallerNumber);
    }

    [Fact]
    public async Task APhoneRegisteredThroughAProxy_IsCalledThroughThatProxy_WithItsPathAsTheRoute()
    {
        // The "proxy" stands in for Kamailio: the phone's contact is not reachable from the node, only through the
        // proxy that added the Path (RFC 3327) on the way in.
        await using var proxy = TestPhone.Start("edge", rtpBase: 54800);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.24"), rtpBase: 55200);
        await factory.SetDemoAgentPhoneAsync("agent2", null, await SipCredentialIdAsync("agent2"));
        var number = await factory.DemoNumberAsync("Queue", await factory.QueueIdAsync("Support"), "127.0.0.24");
        var path = $"<sip:127.0.0.1:{proxy.Stack.Listeners[0].EndPoint.Port};lr;received=sip:127.0.0.9:5062>";
        const string contact = "sip:agent2@127.0.0.9:5062"; // nothing listens there
        var registered = await SipDigestRegistration.RegisterAsync(
            factory.SipPort, "agent2", "demo.sip.parley", Support.ParleyAppFactory.DemoSipPassword, 300, Ct, contact, $"Path: {path}\r\nSupported: path\r\n");
        Assert.StartsWith("SIP/2.0 200", registered, StringComparison.Ordinal);
        Assert.Contains($"Path: {path}", registered, StringComparison.Ordinal);
        using var agent = await factory.SignInToRoutingAsync("agent2");

        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{factory.SipPort}", Ct);
        var ringing = await proxy.NextIncomingAsync();
        Assert.Equal(contact, proxy.LastInvite!.RequestUri.ToString());
        Assert.Equal(path, proxy.LastInvite.Headers.GetValue(Parley.Sip.Messages.SipHeaderKind.Route));
        ringing.PlayTone(1000);
        await call.WaitUntilAsync(c => c.FramesOf(1000) > 10, "the caller hears the phone reached through the proxy");

        await call.HangUpAsync();
        await ringing.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await SipDigestRegistration.RegisterAsync(factory.SipPort, "agent2", "demo.sip.parley", Support.ParleyAppFactory.DemoSipPassword, 0, Ct, contact);
        await factory.SignOutOfRoutingAsync("agent2");
    }

    private async Task<Guid> SipCredentialIdAsync(string userName)
    {
        using var admin = await factory.SignInDemoAsync("admin");
        return await admin.IdByAsync("/api/v1/sip-credentials", "sipUserName", userName);
    }
}
