using System.Net;
using System.Text;
using Parley.Media.Sdp;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Sip;
using Parley.Server.Tests.Voice.Calls;
using Parley.Sip.Messages;
using Parley.Sip.Stack;

namespace Parley.Server.Tests.Nodes;

/// <summary>
/// Draining a node for a rolling restart, on one in-process node over real SIP and RTP: new calls, OPTIONS probes,
/// readiness, new chats and calls agents place are refused with 503 while a live call carries on; the node stops once its calls are over,
/// or ends those left at <c>Parley:Cluster:DrainTimeout</c> with a BYE and cause <c>node_drain</c>. One node per test.
/// </summary>
public sealed class NodeDrainTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADrainedNode_Answers503ToNewCallsOptionsReadinessNewChatsAndDialling_KeepsTheLiveCall_AndStopsWhenItEnds()
    {
        await using var factory = new DrainAppFactory();
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.151"), rtpBase: 32000);
        var (call, target) = await WaitingCallAsync(factory, caller, "127.0.0.151");
        using var anonymous = factory.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready", Ct)).StatusCode);

        var drained = await factory.DrainAsync();

        Assert.Equal(("draining", 1), (drained.GetProperty("status").GetString(), drained.GetProperty("liveCalls").GetInt32()));
        using var probe = new SipUdpProbe(factory.SipPort);
        var options = await probe.SendAsync(probe.Request("OPTIONS", "sip:127.0.0.1", "sip:ping@127.0.0.1", "drain-options", 1), Ct);
        Assert.StartsWith("SIP/2.0 503", options, StringComparison.Ordinal);
        Assert.Contains("Retry-After: 1", options, StringComparison.Ordinal);
        var refused = await InviteAsync(caller, target);
        Assert.Equal(503, refused.StatusCode);
        Assert.NotNull(refused.Response.Headers.GetValue(SipHeaderKind.RetryAfter));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync("/health/ready", Ct)).StatusCode);
        using var chat = await anonymous.PostAsync("/webchat/any-widget/chats", JsonBody("{}"), Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, chat.StatusCode);
        Assert.Equal("1", chat.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var agent = await factory.SignInDemoAsync("agent1");
        var dial = await agent.PostJsonAsync("/api/v1/calls", new { to = "+15551234567" }, 503);
        Assert.Equal("Node draining", dial.GetProperty("title").GetString());

        var heard = call.LoudFrames;
        await call.WaitUntilAsync(c => c.LoudFrames > heard + 25, "the live call still hears its queue after the drain began");
        Assert.False(factory.Stopping, "the node must not stop while a call is live");

        await call.HangUpAsync(); // an in-dialog BYE on a draining node
        await WaitUntilAsync(() => factory.Stopping, "the node stops once its last call is over");
        Assert.Equal("caller_hangup", (await factory.StoredCallAsync(NumberOf(target))).Cause);
    }

    [Fact]
    public async Task ACallStillLiveAtTheDrainLimit_GetsABye_AndItsRecordIsClosedWithCauseNodeDrain()
    {
        await using var factory = new DrainAppFactory(drainTimeout: "00:00:02");
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.152"), rtpBase: 32400);
        var (call, target) = await WaitingCallAsync(factory, caller, "127.0.0.152");

        await factory.DrainAsync();

        await call.Ended.WaitAsync(TimeSpan.FromSeconds(20), Ct); // the node's BYE
        Assert.Equal(("NotAnswered", "node_drain", "System"), await factory.StoredCallAsync(NumberOf(target)));
        await WaitUntilAsync(() => factory.Stopping, "the node stops once the calls left are ended");
    }

    [Fact]
    public async Task ACallAnAgentPlaced_StillRingingAtTheDrainLimit_IsCancelled_AndItsRecordIsClosedWithCauseNodeDrain()
    {
        await using var factory = new DrainAppFactory(drainTimeout: "00:00:02");
        await using var agentPhone = TestPhone.Start("desk2", IPAddress.Parse("127.0.0.154"), rtpBase: 33200);
        agentPhone.AnswerDelay = TimeSpan.FromMinutes(1); // the agent's own phone rings on
        await factory.SetDemoAgentPhoneAsync("agent2", agentPhone.Uri);
        await factory.SetDemoAgentPhoneAsync("agent3", "sip:desk3@127.0.0.1:9"); // never rung: agent2 does not answer
        using var agent = await factory.SignInToRoutingAsync("agent2");
        await agent.PostJsonAsync("/api/v1/calls", new { to = "ext:1003", queueId = await factory.QueueIdAsync("Support") }, 202);

        await factory.DrainAsync();

        Assert.Equal(("NotAnswered", "node_drain", "System"), await factory.StoredCallAsync("1003"));
        await WaitUntilAsync(() => factory.Stopping, "the node stops once the calls left are ended");
    }

    [Fact]
    public async Task Sigterm_DrainsFirst_TheHostWaitsForTheLiveCall_WhileNewCallsGet503()
    {
        await using var factory = new DrainAppFactory();
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.153"), rtpBase: 32800);
        var (call, target) = await WaitingCallAsync(factory, caller, "127.0.0.153");

        var stopped = factory.DisposeAsync().AsTask(); // what SIGTERM does: the host stops
        using var probe = new SipUdpProbe(factory.SipPort);
        await WaitUntilAsync(
            async () => (await probe.SendAsync(probe.Request("OPTIONS", "sip:127.0.0.1", "sip:ping@127.0.0.1", "sigterm-" + Guid.NewGuid(), 1), Ct)).StartsWith("SIP/2.0 503", StringComparison.Ordinal),
            "the stopping node answers OPTIONS 503");
        Assert.Equal(503, (await InviteAsync(caller, target)).StatusCode);
        var heard = call.LoudFrames;
        await call.WaitUntilAsync(c => c.LoudFrames > heard + 25, "the live call still hears its queue while the host stops");
        Assert.False(stopped.IsCompleted, "the host must wait for the live call");

        await call.HangUpAsync();
        await stopped.WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    /// <summary>A call to a new number whose queue nobody serves: it waits, hearing the queue, until it is ended.</summary>
    private static async Task<(PhoneCall Call, string Target)> WaitingCallAsync(DrainAppFactory factory, TestPhone caller, string callerAddress)
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var number = await factory.DemoNumberAsync("Queue", await admin.CreateUnservedQueueAsync("Voice"), callerAddress);
        var target = $"sip:{number}@127.0.0.1:{factory.SipPort}";
        var call = await caller.CallAsync(target, Ct);
        await call.WaitUntilAsync(c => c.LoudFrames > 10, "the caller hears the queue", explain: () => factory.Logs.Tail());
        return (call, target);
    }

    /// <summary>The called number of <c>sip:{number}@host:port</c>.</summary>
    private static string NumberOf(string target) => target[4..target.IndexOf('@', StringComparison.Ordinal)];

    /// <summary>A bare INVITE with an SDP offer (no media of our own): the final answer.</summary>
    private static Task<SipCallResult> InviteAsync(TestPhone phone, string target)
    {
        var offer = SdpNegotiator.CreateOffer(new SdpOfferParameters(phone.Address, 32990));
        return phone.Stack.InviteAsync(target, Encoding.ASCII.GetBytes(offer.ToString()), new SipInviteOptions { From = $"sip:+15557654321@{phone.Address}" }, Ct);
    }

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    private static Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(50, Ct);
        }
    }
}
