using System.Net;
using System.Text;
using Parley.Media.Sdp;
using Parley.Voice.Echo;
using Parley.Voice.Tests.Support;

namespace Parley.Voice.Tests.Echo;

public sealed class EchoTestHandlerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Invite_ToEcho_IsAnsweredAndTheCallersAudioComesBack()
    {
        await using var fixture = EchoFixture.Start();
        using var peer = new RtpPeer();
        using var cts = new CancellationTokenSource(Bound);

        var result = await fixture.Caller.InviteAsync(fixture.Target("echo"), EchoFixture.Offer(peer.Port), cancellationToken: cts.Token);

        Assert.Equal(200, result.StatusCode);
        var answer = SdpParser.Parse(result.Response.Body.Span);
        Assert.Contains("0", answer.Media[0].Formats);
        peer.Remote = new IPEndPoint(IPAddress.Loopback, answer.Media[0].Port);
        var echoed = false;
        while (!echoed)
        {
            peer.SendAudio(0x2A);
            var (payloadType, first) = await peer.ReceiveAsync(cts.Token);
            echoed = payloadType == 0 && first == 0x2A;
        }

        Assert.True(echoed);
        await result.Dialog!.ByeAsync(cts.Token);
    }

    [Fact]
    public async Task CallToASecondLocalAddress_IsAnsweredWithThatAddress_AndAudioSentThereComesBack()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "127.0.0.2 is a local address without setup on Linux only");
        await using var fixture = EchoFixture.StartOnWildcard();
        using var peer = new RtpPeer();
        using var cts = new CancellationTokenSource(Bound);
        var second = IPAddress.Parse("127.0.0.2");

        var result = await fixture.Caller.InviteAsync($"sip:echo@127.0.0.2:{fixture.Parley.Listeners[0].EndPoint.Port}", EchoFixture.Offer(peer.Port), cancellationToken: cts.Token);

        Assert.Equal(200, result.StatusCode);
        Assert.Contains("\r\nc=IN IP4 127.0.0.2\r\n", Encoding.ASCII.GetString(result.Response.Body.Span), StringComparison.Ordinal);
        peer.Remote = new IPEndPoint(second, SdpParser.Parse(result.Response.Body.Span).Media[0].Port);
        var echoed = false;
        while (!echoed)
        {
            peer.SendAudio(0x2B);
            var (payloadType, first) = await peer.ReceiveAsync(cts.Token);
            echoed = payloadType == 0 && first == 0x2B;
        }

        Assert.True(echoed);
        await result.Dialog!.ByeAsync(cts.Token);
    }

    [Fact]
    public async Task Rfc4733Hash_MakesParleyHangUpWithBye()
    {
        await using var fixture = EchoFixture.Start();
        using var peer = new RtpPeer();
        using var cts = new CancellationTokenSource(Bound);
        var result = await fixture.Caller.InviteAsync(fixture.Target("echo"), EchoFixture.Offer(peer.Port), cancellationToken: cts.Token);
        peer.Remote = new IPEndPoint(IPAddress.Loopback, SdpParser.Parse(result.Response.Body.Span).Media[0].Port);

        peer.SendAudio(0x55);
        peer.SendDigitEnd(11);

        var ended = await fixture.CallerApplication.Terminated.WaitAsync(cts.Token);
        Assert.Equal(result.Dialog!.CallId, ended.CallId);
        await AllCallsReleasedAsync(fixture, cts.Token);
    }

    [Fact]
    public async Task InfoDtmfRelayHash_MakesParleyHangUpWithBye()
    {
        await using var fixture = EchoFixture.Start();
        using var peer = new RtpPeer();
        using var cts = new CancellationTokenSource(Bound);
        var result = await fixture.Caller.InviteAsync(fixture.Target("ECHO"), EchoFixture.Offer(peer.Port), cancellationToken: cts.Token);

        var info = await result.Dialog!.InfoAsync(Encoding.ASCII.GetBytes("Signal=#\r\nDuration=160\r\n"), "application/dtmf-relay", cts.Token);

        Assert.Equal(200, info.StatusCode);
        var ended = await fixture.CallerApplication.Terminated.WaitAsync(cts.Token);
        Assert.Equal(result.Dialog.CallId, ended.CallId);
    }

    [Fact]
    public async Task OtherDigits_DoNotEndTheCall()
    {
        await using var fixture = EchoFixture.Start();
        using var peer = new RtpPeer();
        using var cts = new CancellationTokenSource(Bound);
        var result = await fixture.Caller.InviteAsync(fixture.Target("echo"), EchoFixture.Offer(peer.Port), cancellationToken: cts.Token);

        var info = await result.Dialog!.InfoAsync(Encoding.ASCII.GetBytes("Signal=5\r\nDuration=160\r\n"), "application/dtmf-relay", cts.Token);
        var bye = await result.Dialog.ByeAsync(cts.Token);

        Assert.Equal(200, info.StatusCode);
        Assert.Equal(200, bye.StatusCode);
        await AllCallsReleasedAsync(fixture, cts.Token);
    }

    [Fact]
    public async Task OfferWithoutCommonCodec_IsRejectedWith488()
    {
        await using var fixture = EchoFixture.Start();
        using var cts = new CancellationTokenSource(Bound);
        var offer = Encoding.ASCII.GetBytes("v=0\r\no=c 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n");

        var result = await fixture.Caller.InviteAsync(fixture.Target("echo"), offer, cancellationToken: cts.Token);

        Assert.Equal(488, result.StatusCode);
        Assert.Equal(0, fixture.Engine.ActiveSessions);
    }

    [Fact]
    public async Task CallsBeyondTheLimit_Get486_AndTheLimitFreesWhenACallEnds()
    {
        await using var fixture = EchoFixture.Start(new EchoTestOptions { MaxConcurrentCalls = 1 });
        using var peer = new RtpPeer();
        using var cts = new CancellationTokenSource(Bound);
        var first = await fixture.Caller.InviteAsync(fixture.Target("echo"), EchoFixture.Offer(peer.Port), cancellationToken: cts.Token);

        var second = await fixture.Caller.InviteAsync(fixture.Target("echo"), EchoFixture.Offer(peer.Port), cancellationToken: cts.Token);
        Assert.Equal(200, first.StatusCode);
        Assert.Equal(486, second.StatusCode);
        Assert.Equal(1, fixture.Engine.ActiveSessions);

        await first.Dialog!.ByeAsync(cts.Token);
        await AllCallsReleasedAsync(fixture, cts.Token);
        var third = await fixture.Caller.InviteAsync(fixture.Target("echo"), EchoFixture.Offer(peer.Port), cancellationToken: cts.Token);
        Assert.Equal(200, third.StatusCode);
        await third.Dialog!.ByeAsync(cts.Token);
    }

    [Fact]
    public async Task CallReachingTheMaximumDuration_IsEndedWithBye()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var fixture = EchoFixture.Start(new EchoTestOptions { MaxDuration = TimeSpan.FromMinutes(10) }, time);
        using var peer = new RtpPeer();
        using var cts = new CancellationTokenSource(Bound);
        var reason = new TaskCompletionSource<EchoHangUpReason>(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Echo.HungUp += (_, why, _) => reason.TrySetResult(why);
        var result = await fixture.Caller.InviteAsync(fixture.Target("echo"), EchoFixture.Offer(peer.Port), cancellationToken: cts.Token);
        while (fixture.Echo.ActiveCalls == 0)
        {
            // The handler arms its max-duration timer just after the 200 has gone out: move the fake clock only once it has.
            await Task.Delay(10, cts.Token);
        }

        // The fake clock runs due timers inside Advance, and a hang-up takes the call out of ActiveCalls there and then:
        // had the limit fired early, the call would already be gone when Advance returns.
        time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(1, fixture.Echo.ActiveCalls);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, fixture.Echo.ActiveCalls);

        var ended = await fixture.CallerApplication.Terminated.WaitAsync(cts.Token);
        Assert.Equal(result.Dialog!.CallId, ended.CallId);
        await AllCallsReleasedAsync(fixture, cts.Token);
        Assert.Equal(EchoHangUpReason.MaxDuration, await reason.Task.WaitAsync(cts.Token));
    }

    [Fact]
    public async Task CallerWhoseRtpStops_IsEndedWithBye()
    {
        await using var fixture = EchoFixture.Start(receiveTimeout: TimeSpan.FromSeconds(1));
        using var peer = new RtpPeer();
        using var cts = new CancellationTokenSource(Bound);
        var reason = new TaskCompletionSource<EchoHangUpReason>(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Echo.HungUp += (_, why, _) => reason.TrySetResult(why);
        var result = await fixture.Caller.InviteAsync(fixture.Target("echo"), EchoFixture.Offer(peer.Port), cancellationToken: cts.Token);
        peer.Remote = new IPEndPoint(IPAddress.Loopback, SdpParser.Parse(result.Response.Body.Span).Media[0].Port);
        peer.SendAudio(0x2A);

        var ended = await fixture.CallerApplication.Terminated.WaitAsync(cts.Token);

        Assert.Equal(result.Dialog!.CallId, ended.CallId);
        await AllCallsReleasedAsync(fixture, cts.Token);
        Assert.Equal(EchoHangUpReason.CallerSilent, await reason.Task.WaitAsync(cts.Token));
    }

    /// <summary>The handler releases a call just after its final message has gone out; wait for it, bounded by the test's token.</summary>
    private static async Task AllCallsReleasedAsync(EchoFixture fixture, CancellationToken cancellationToken)
    {
        while (fixture.Echo.ActiveCalls != 0)
        {
            await Task.Delay(10, cancellationToken);
        }
    }
}
