using Microsoft.Extensions.Time.Testing;
using Parley.Media.Codecs;
using Parley.Media.Mixing;
using Parley.Media.Rtp;
using Parley.Media.Sdp;

namespace Parley.Media.Tests.Mixing;

public sealed class ConferenceBridgeTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly MediaEngine _engine;

    public ConferenceBridgeTests()
    {
        _engine = new MediaEngine(
            new MediaOptions { BindAddress = "127.0.0.1", RtpPortMin = 43000, RtpPortMax = 43899, AutoStartClock = false, SendSilenceWhenIdle = false, RtcpInterval = TimeSpan.Zero },
            _time);
    }

    private static NegotiatedAudio AudioTo(int port) => new(AudioCodec.Pcmu, 0, null, "127.0.0.1", port, MediaDirection.SendRecv, 20);

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (!condition())
        {
            await Task.Delay(5, cts.Token);
        }
    }

    private static short FirstSample(byte[] packet)
    {
        Assert.True(RtpPacket.TryParse(packet, out var h));
        return G711.MuLaw.Decode(RtpPacket.Payload(packet, h)[0]);
    }

    [Fact]
    public async Task ThreeMembers_EachHearsTheOtherTwoButNotThemselves()
    {
        using var peerA = new RtpPeer();
        using var peerB = new RtpPeer();
        using var peerC = new RtpPeer();
        await using var a = _engine.CreateSession();
        await using var b = _engine.CreateSession();
        await using var c = _engine.CreateSession();
        a.Start(AudioTo(peerA.Port));
        b.Start(AudioTo(peerB.Port));
        c.Start(AudioTo(peerC.Port));
        using var bridge = new ConferenceBridge();
        bridge.Join(a);
        bridge.Join(b);
        bridge.Join(c);
        bridge.Start(_engine);

        peerA.SendAudio(a.LocalPort, 0, G711.MuLaw.Encode(1000));
        peerB.SendAudio(b.LocalPort, 0, G711.MuLaw.Encode(-500));
        peerC.SendAudio(c.LocalPort, 0, G711.MuLaw.Encode(0));
        await WaitUntil(() => a.GetStatistics().PacketsReceived + b.GetStatistics().PacketsReceived + c.GetStatistics().PacketsReceived == 3);
        for (var ms = 0; ms < 40; ms++)
        {
            _engine.Clock.RunDue();
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        var decodedA = G711.MuLaw.Decode(G711.MuLaw.Encode(1000));
        var decodedB = G711.MuLaw.Decode(G711.MuLaw.Encode(-500));
        Assert.Equal(G711.MuLaw.Decode(G711.MuLaw.Encode((short)decodedB)), FirstSample(await peerA.ReceiveAsync()));
        Assert.Equal(G711.MuLaw.Decode(G711.MuLaw.Encode((short)decodedA)), FirstSample(await peerB.ReceiveAsync()));
        Assert.Equal(G711.MuLaw.Decode(G711.MuLaw.Encode((short)(decodedA + decodedB))), FirstSample(await peerC.ReceiveAsync()));
        Assert.Equal(3, bridge.MemberCount);
        Assert.True(bridge.Leave(b));
        Assert.Null(b.AudioReceived);
    }

    [Fact]
    public async Task AMembersTap_GetsEveryPayloadItSends_WhileTheMixStillHearsIt()
    {
        using var peerA = new RtpPeer();
        using var peerB = new RtpPeer();
        await using var a = _engine.CreateSession();
        await using var b = _engine.CreateSession();
        a.Start(AudioTo(peerA.Port));
        b.Start(AudioTo(peerB.Port));
        var tapped = new System.Collections.Concurrent.ConcurrentQueue<byte>();
        using var bridge = new ConferenceBridge();
        bridge.Join(a, (MediaSession s, in RtpHeader _, ReadOnlySpan<byte> payload) =>
        {
            Assert.Same(a, s);
            tapped.Enqueue(payload[0]);
        });
        bridge.Join(b);
        bridge.Start(_engine);

        peerA.SendAudio(a.LocalPort, 0, G711.MuLaw.Encode(1000));
        await WaitUntil(() => !tapped.IsEmpty);
        for (var ms = 0; ms < 40; ms++)
        {
            _engine.Clock.RunDue();
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(G711.MuLaw.Encode(1000), Assert.Single(tapped));
        Assert.Equal(G711.MuLaw.Decode(G711.MuLaw.Encode(1000)), FirstSample(await peerB.ReceiveAsync()));
        Assert.True(bridge.Leave(a));
        Assert.Null(a.AudioReceived);
    }

    public async ValueTask DisposeAsync() => await _engine.DisposeAsync();
}
