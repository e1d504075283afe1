using System.Net;
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
        var number = await factory.DemoNumberAsync("Queue", await factory.QueueIdAsync("Support"), "127.0.0.21");
        using var agent = await factory.SignInDemoAsync("agent2");
        await agent.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);

        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{factory.SipPort}", Ct);
        await call.WaitUntilAsync(c => c.LoudFrames > 10, "the caller hears the queue (announcement or music)");
        var ringing = await agentPhone.NextIncomingAsync();
        Assert.Equal("Support: +15557654321", ringing.FromDisplayName);

        call.PlayTone(440);
        ringing.PlayTone(1000);
        await ringing.WaitUntilAsync(c => c.FramesOf(440) > 25, "the agent hears the caller's 440 Hz");
        await call.WaitUntilAsync(c => c.FramesOf(1000) > 25, "the caller hears the agent's 1 kHz");
        call.Session!.SendDigits("5");
        ringing.Session!.SendDigits("7");
        await ringing.WaitUntilAsync(c => c.Digits.Contains('5', StringComparison.Ordinal), "the caller's digit reaches the agent");
        await call.WaitUntilAsync(c => c.Digits.Contains('7', StringComparison.Ordinal), "the agent's digit reaches the caller");

        await call.HangUpAsync();
        await ringing.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Contains(await factory.AgentStateAsync("agent2"), new[] { "AfterCallWork", "Available" });
        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
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
        using var first = await factory.SignInDemoAsync("agent1");
        await first.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);

        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{factory.SipPort}", Ct);
        var refused = await busyPhone.NextIncomingAsync();
        Assert.Null(refused.Dialog);
        using var second = await factory.SignInDemoAsync("agent3");
        await second.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);
        var answered = await otherPhone.NextIncomingAsync();

        await answered.HangUpAsync();
        await call.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
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
        using var agent = await factory.SignInDemoAsync("agent2");
        await agent.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);

        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{factory.SipPort}", Ct);
        Assert.True(await softphone.StaysQuietAsync(TimeSpan.FromSeconds(2)), "an unregistered phone must not ring");

        var registered = await SipDigestRegistration.RegisterAsync(
            factory.SipPort, "agent2", "demo.sip.parley", Support.ParleyAppFactory.DemoSipPassword, 300, Ct, softphone.Uri);
        Assert.StartsWith("SIP/2.0 200", registered, StringComparison.Ordinal);
        var ringing = await softphone.NextIncomingAsync();

        await call.HangUpAsync();
        await ringing.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await SipDigestRegistration.RegisterAsync(factory.SipPort, "agent2", "demo.sip.parley", Support.ParleyAppFactory.DemoSipPassword, 0, Ct, softphone.Uri);
        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }

    private async Task<Guid> SipCredentialIdAsync(string userName)
    {
        using var admin = await factory.SignInDemoAsync("admin");
        return await admin.IdByAsync("/api/v1/sip-credentials", "sipUserName", userName);
    }
}
