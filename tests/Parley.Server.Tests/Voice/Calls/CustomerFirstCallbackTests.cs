using System.Net;
using System.Text.Json;
using Parley.Server.Tests.Acd;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>
/// Customer-first callbacks (<c>mode: customerFirst</c>) over real SIP and RTP on loopback: Parley calls the customer as
/// soon as routing picks the agent, plays them music while the agent's phone rings, then bridges the two; a customer who
/// does not answer never makes the agent's phone ring, and is called again later.
/// </summary>
public sealed class CustomerFirstCallbackTests(CallbackScheduleAppFactory factory) : IClassFixture<CallbackScheduleAppFactory>
{
    private const string Number = "+15557650101";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheCustomerIsCalledFirst_ABusyCustomerNeverRingsTheAgent_AndTheRetryConnectsThemAfterMusic()
    {
        await using var customer = TestPhone.Start(Number, IPAddress.Parse("127.0.0.83"), rtpBase: 48800);
        await using var agentPhone = TestPhone.Start("desk2", IPAddress.Parse("127.0.0.84"), rtpBase: 49200);
        customer.AnswerStatus = 486;
        using var admin = await factory.SignInDemoAsync("admin");
        await CarrierTrunks.OnlyOutboundTrunkAsync(admin, customer);
        await factory.SetDemoAgentPhoneAsync("agent2", agentPhone.Uri);
        var support = await factory.QueueIdAsync("Support");
        Assert.True((await admin.PostJsonAsync("/api/v1/callbacks", new { queueId = support, number = Number, mode = "dialer" }, 400))
            .GetProperty("errors").TryGetProperty("mode", out _));

        var ordered = await admin.PostJsonAsync("/api/v1/callbacks", new { queueId = support, number = Number, mode = "customerFirst" }, 202);
        Assert.Equal("customerFirst", ordered.GetProperty("mode").GetString());
        using var agent = await factory.SignInToRoutingAsync("agent2");
        Assert.Null((await customer.NextIncomingAsync()).Session); // the customer's phone rang first, and answered 486
        Assert.True(await agentPhone.StaysQuietAsync(TimeSpan.FromSeconds(2)), "the agent's phone rang although the customer never answered");
        var busy = await factory.CallRecordAsync(Number);
        Assert.Equal(("NotAnswered", "busy"), (busy.GetProperty("disposition").GetString(), busy.GetProperty("releaseCause").GetString()));
        Assert.Equal(ordered.GetProperty("interactionId").GetGuid(), busy.GetProperty("interactionId").GetGuid());
        var retry = await CallbackListing.WaitForAsync(admin, c => c.GetProperty("attempt").GetInt32() == 2 && c.GetProperty("number").GetString() == Number);
        Assert.Equal("customerFirst", retry.GetProperty("mode").GetString());
        await CallbackListing.WrapUpAsync(agent);

        customer.AnswerStatus = 200;
        agentPhone.AnswerDelay = TimeSpan.FromSeconds(2);
        var back = await customer.NextIncomingAsync();
        await back.WaitUntilAsync(c => c.LoudFrames > 25, "the customer hears music while the agent's phone rings", explain: () => factory.Logs.Tail());
        var ring = await agentPhone.NextIncomingAsync();
        Assert.Equal("Callback: " + Number, ring.FromDisplayName);
        ring.PlayTone(1000);
        back.PlayTone(440);
        await back.WaitUntilAsync(c => c.FramesOf(1000) > 25, "the customer hears the agent");
        await ring.WaitUntilAsync(c => c.FramesOf(440) > 25, "the agent hears the customer");
        await back.HangUpAsync();
        await ring.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var talked = await factory.CallRecordAsync(Number);
        Assert.Equal(("Answered", retry.GetProperty("interactionId").GetGuid()), (talked.GetProperty("disposition").GetString(), talked.GetProperty("interactionId").GetGuid()));
        await CallbackListing.WrapUpAsync(agent);
        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }
}
