using System.Net;
using System.Text;
using Parley.Media.Sdp;
using Parley.Server.Tests.Acd;
using Parley.Sip.Messages;
using Parley.Sip.Stack;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>
/// A node whose RTP port range is full refuses new calls at the edge with 503 and Retry-After (admission, not a failed
/// call), counts them on /metrics, and takes calls again as soon as a call ends and its ports are free.
/// </summary>
public sealed class MediaPortExhaustionTests(FewMediaPortsAppFactory factory) : IClassFixture<FewMediaPortsAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACallThatFindsNoFreeRtpPorts_Gets503WithRetryAfter_AndTheNodeTakesCallsAgainOnceACallEnds()
    {
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.27"), rtpBase: 57000);
        using var admin = await factory.SignInDemoAsync("admin");
        var number = await factory.DemoNumberAsync("Queue", await admin.CreateUnservedQueueAsync("Voice"), "127.0.0.27");
        var target = $"sip:{number}@127.0.0.1:{factory.SipPort}";
        var calls = new List<PhoneCall>();
        for (var i = 0; i < FewMediaPortsAppFactory.PortPairs; i++)
        {
            calls.Add(await caller.CallAsync(target, Ct));
        }

        var refused = await InviteAsync(caller, target);

        Assert.Equal(503, refused.StatusCode);
        Assert.Equal("7", refused.Response.Headers.GetValue(SipHeaderKind.RetryAfter));
        Assert.Empty(factory.Logs.WithEventId(6109)); // not a failed call
        Assert.Single(factory.Logs.WithEventId(6113));
        using var anonymous = factory.CreateAnonymousClient();
        Assert.Matches("parley_calls_refused_media_ports_total [1-9]", await anonymous.GetStringAsync("/metrics", Ct));

        await calls[0].HangUpAsync();
        SipCallResult? again = null;
        for (var attempt = 0; attempt < 100 && again is not { Answered: true }; attempt++)
        {
            again = await InviteAsync(caller, target);
            if (!again.Answered)
            {
                Assert.Equal(503, again.StatusCode);
                await Task.Delay(100, Ct);
            }
        }

        Assert.True(again!.Answered, "a call after one ended must be answered");
        await again.Dialog!.ByeAsync();
        await calls[1].HangUpAsync();
    }

    /// <summary>A bare INVITE with an SDP offer (no media of our own): the final answer.</summary>
    private static Task<SipCallResult> InviteAsync(TestPhone phone, string target)
    {
        var offer = SdpNegotiator.CreateOffer(new SdpOfferParameters(phone.Address, 57990));
        return phone.Stack.InviteAsync(target, Encoding.ASCII.GetBytes(offer.ToString()), new SipInviteOptions { From = $"sip:+15557654321@{phone.Address}" }, Ct);
    }
}
