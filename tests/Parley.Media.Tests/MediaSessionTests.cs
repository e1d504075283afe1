using System.Net;
using Microsoft.Extensions.Time.Testing;
using Parley.Media.Codecs;
using Parley.Media.Dtmf;
using Parley.Media.Rtcp;
using Parley.Media.Rtp;
using Parley.Media.Sdp;

namespace Parley.Media.Tests;

public abstract class MediaSessionTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly MediaEngine _engine;
    private readonly RtpPeer _peer = new();

    protected MediaSessionTests(bool sharedReceiveThread, int portBase)
    {
        SharedReceiveThread = sharedReceiveThread;
        PortBase = portBase;
        _engine = new MediaEngine(Options(), _time);
    }

    private bool SharedReceiveThread { get; }

    private int PortBase { get; }

    private MediaOptions Options() => new()
    {
        BindAddress = "127.0.0.1",
        RtpPortMin = PortBase,
        RtpPortMax = PortBase + 899,
        AutoStartClock = false,
        SendSilenceWhenIdle = false,
        RtcpInterval = TimeSpan.Zero,
        SharedReceiveThread = SharedReceiveThread,
    };

    private NegotiatedAudio AudioTo(int port, MediaDirection direction = MediaDirection.SendRecv) =>
        new(AudioCodec.Pcmu, 0, 101, "127.0.0.1", port, direction, 20);

    private void Tick(int frames)
    {
        for (var ms = 0; ms < frames * 20; ms++)
        {
            _engine.Clock.RunDue();
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (!condition())
        {
            await Task.Delay(5, cts.Token);
        }
    }

    [Fact]
    public async Task Echo_SendsTheCallersAudioBackPacedWithOurOwnHeader()
    {
        await using var session = _engine.CreateSession();
        session.Echo = true;
        session.Start(AudioTo(_peer.Port));

        for (byte i = 1; i <= 3; i++)
        {
            _peer.SendAudio(session.LocalPort, 0, i);
        }

        await WaitUntil(() => session.GetStatistics().PacketsReceived == 3);
        Tick(3);

        var headers = new List<RtpHeader>();
        for (var i = 0; i < 3; i++)
        {
            var packet = await _peer.ReceiveAsync();
            Assert.True(RtpPacket.TryParse(packet, out var h));
            Assert.Equal((byte)(i + 1), RtpPacket.Payload(packet, h)[0]);
            headers.Add(h);
        }

        Assert.True(headers[0].Marker);
        Assert.False(headers[1].Marker);
        Assert.Equal(session.Ssrc, headers[0].Ssrc);
        Assert.Equal((ushort)(headers[0].SequenceNumber + 1), headers[1].SequenceNumber);
        Assert.Equal(headers[0].Timestamp + 160, headers[1].Timestamp);
        Assert.Equal(3, session.GetStatistics().PacketsSent);
    }

    [Fact]
    public async Task Packets_ArriveThroughTheConfiguredReceivePath()
    {
        await using var session = _engine.CreateSession();
        session.Start(AudioTo(_peer.Port));

        _peer.SendAudio(session.LocalPort, 0, 1);
        await WaitUntil(() => session.GetStatistics().PacketsReceived == 1);

        Assert.Equal(SharedReceiveThread && EpollReceiveHost.IsSupported, _engine.SharedThreadPacketsReceived == 1);
    }

    [Fact]
    public async Task Session_LatchesOntoTheAddressThePeerReallySendsFrom()
    {
        await using var session = _engine.CreateSession();
        session.Echo = true;
        session.Start(AudioTo(9)); // SDP says port 9 (discard); the peer's packets come from elsewhere.

        _peer.SendAudio(session.LocalPort, 0, 42);
        await WaitUntil(() => session.GetStatistics().PacketsReceived == 1);
        Tick(1);

        var packet = await _peer.ReceiveAsync();
        Assert.True(RtpPacket.TryParse(packet, out var h));
        Assert.Equal(42, RtpPacket.Payload(packet, h)[0]);
    }

    [Fact]
    public async Task PacketsFromASecondSource_AreIgnoredWhileTheFirstIsActive()
    {
        await using var session = _engine.CreateSession();
        using var intruder = new RtpPeer();
        session.Start(AudioTo(_peer.Port));

        _peer.SendAudio(session.LocalPort, 0, 1);
        await WaitUntil(() => session.GetStatistics().PacketsReceived == 1);
        intruder.SendAudio(session.LocalPort, 0, 2);
        await WaitUntil(() => session.GetStatistics().PacketsFromOtherSources == 1);

        Assert.Equal(1, session.GetStatistics().PacketsReceived);
    }

    [Fact]
    public async Task TelephoneEvents_RaiseOneDigitPerEvent()
    {
        await using var session = _engine.CreateSession();
        var digits = new List<char>();
        session.DigitReceived += (_, d) => { lock (digits) { digits.Add(d.Digit); } };
        session.Start(AudioTo(_peer.Port));
        var sender = new RtpSender(5, 1, 1000);
        var packet = new byte[16];
        var ev = new byte[4];

        foreach (var (end, duration) in new[] { (false, 160), (false, 320), (true, 480), (true, 480), (true, 480) })
        {
            new TelephoneEvent(11, end, 10, (ushort)duration).Write(ev);
            var length = sender.WriteWithTimestamp(packet, 101, ev, 1000, marker: duration == 160);
            _peer.SendRaw(session.LocalPort, packet.AsSpan(0, length));
        }

        await WaitUntil(() => session.GetStatistics().PacketsReceived == 5);
        Assert.Equal(['#'], digits);
        Assert.Equal(1, session.GetStatistics().DigitsReceived);
    }

    [Fact]
    public async Task SendDigits_GoesOutAsRfc4733Train()
    {
        await using var session = _engine.CreateSession();
        session.Start(AudioTo(_peer.Port));

        Assert.True(session.SendDigits("5"));
        Tick(8);

        var events = new List<(RtpHeader Header, TelephoneEvent Event)>();
        for (var i = 0; i < 8; i++)
        {
            var packet = await _peer.ReceiveAsync();
            RtpPacket.TryParse(packet, out var h);
            TelephoneEvent.TryParse(RtpPacket.Payload(packet, h), out var e);
            events.Add((h, e));
        }

        Assert.All(events, e => Assert.Equal(101, e.Header.PayloadType));
        Assert.All(events, e => Assert.Equal(events[0].Header.Timestamp, e.Header.Timestamp));
        Assert.True(events[0].Header.Marker);
        Assert.Equal(3, events.Count(e => e.Event.End));
        Assert.All(events, e => Assert.Equal(5, e.Event.Event));
    }

    [Fact]
    public async Task SendDigits_WithoutNegotiatedTelephoneEvent_IsRefused()
    {
        await using var session = _engine.CreateSession();
        session.Start(AudioTo(_peer.Port) with { TelephoneEventPayloadType = null });

        Assert.False(session.SendDigits("1"));
    }

    [Fact]
    public async Task DtmfRelayInfo_RaisesTheDigit()
    {
        await using var session = _engine.CreateSession();
        DtmfDigit? seen = null;
        session.DigitReceived += (_, d) => seen = d;

        Assert.True(session.HandleDtmfRelay("Signal=#\r\nDuration=160\r\n"));

        Assert.Equal('#', seen?.Digit);
    }

    [Fact]
    public async Task OnHold_NothingIsSent()
    {
        await using var session = _engine.CreateSession();
        session.SendSilenceWhenIdle = true;
        session.Start(AudioTo(_peer.Port, MediaDirection.RecvOnly));

        Tick(5);

        Assert.Equal(0, session.GetStatistics().PacketsSent);
        session.Update(AudioTo(_peer.Port));
        Tick(2);
        Assert.Equal(2, session.GetStatistics().PacketsSent);
    }

    [Fact]
    public async Task SilentPeer_RaisesReceiveTimedOutOnceAfterTheTimeout()
    {
        await using var session = _engine.CreateSession();
        var timeouts = 0;
        session.ReceiveTimedOut += _ => timeouts++;
        session.Start(AudioTo(_peer.Port));
        _peer.SendAudio(session.LocalPort, 0, 0x11);
        await WaitUntil(() => session.GetStatistics().PacketsReceived == 1);

        Tick(50 * 29);
        Assert.Equal(0, timeouts);
        Tick(50 * 2);
        Assert.Equal(1, timeouts);
        Tick(50 * 5);
        Assert.Equal(1, timeouts);

        // RTP resumes, then stops again: one more timeout after another 30 s.
        _peer.SendAudio(session.LocalPort, 0, 0x11);
        await WaitUntil(() => session.GetStatistics().PacketsReceived == 2);
        Tick(50 * 31);
        Assert.Equal(2, timeouts);
    }

    [Fact]
    public async Task PeerThatShouldNotSend_NeverTimesOut()
    {
        await using var session = _engine.CreateSession();
        var timeouts = 0;
        session.ReceiveTimedOut += _ => timeouts++;
        session.Start(AudioTo(_peer.Port, MediaDirection.SendOnly));

        Tick(50 * 40);

        Assert.Equal(0, timeouts);
        session.Update(AudioTo(_peer.Port));
        Tick(50 * 31);
        Assert.Equal(1, timeouts);
    }

    [Fact]
    public async Task QueuedAudioBeyondOneHundredMs_IsTrimmedToATwoFrameCushion()
    {
        await using var session = _engine.CreateSession();
        session.Start(AudioTo(_peer.Port));
        for (byte frame = 0; frame < 8; frame++)
        {
            session.EnqueuePayload(Enumerable.Repeat(frame, 160).ToArray());
        }

        Tick(1);

        var packet = await _peer.ReceiveAsync();
        RtpPacket.TryParse(packet, out var h);
        Assert.Equal(6, RtpPacket.Payload(packet, h)[0]);
        Assert.Equal(6, session.GetStatistics().OutgoingFramesDropped);
    }

    [Fact]
    public async Task Playback_IsEncodedInTheNegotiatedCodec()
    {
        await using var session = _engine.CreateSession();
        session.Start(AudioTo(_peer.Port) with { Codec = AudioCodec.Pcma, PayloadType = 8 });
        session.Play(new Parley.Media.Audio.WavPlayback(Enumerable.Repeat((short)1000, 160).ToArray()));

        Tick(1);

        var packet = await _peer.ReceiveAsync();
        RtpPacket.TryParse(packet, out var h);
        Assert.Equal(8, h.PayloadType);
        Assert.Equal(G711.ALaw.Encode(1000), RtpPacket.Payload(packet, h)[0]);
    }

    [Fact]
    public async Task LostPackets_ShowInTheStatistics()
    {
        await using var session = _engine.CreateSession();
        session.Start(AudioTo(_peer.Port));

        _peer.SendAudio(session.LocalPort, 0, 1);
        _peer.SendAudio(session.LocalPort, 0, 1, skipSequence: true);
        _peer.SendAudio(session.LocalPort, 0, 1);
        _peer.SendRaw(session.LocalPort, [1, 2, 3]);
        await WaitUntil(() => session.GetStatistics().InvalidPackets == 1);

        var stats = session.GetStatistics();
        Assert.Equal(3, stats.PacketsReceived);
        Assert.Equal(1, stats.PacketsLost);
    }

    [Fact]
    public async Task ClosedSessions_AddTheirCountersToTheEnginesTotals_OnlyWhenClosed()
    {
        var before = _engine.ClosedSessions;
        var session = _engine.CreateSession();
        session.Start(AudioTo(_peer.Port));
        _peer.SendAudio(session.LocalPort, 0, 1);
        _peer.SendAudio(session.LocalPort, 0, 1, skipSequence: true);
        await WaitUntil(() => session.GetStatistics().PacketsReceived == 2);
        Assert.Equal(before, _engine.ClosedSessions);

        await session.DisposeAsync();
        await session.DisposeAsync();

        var after = _engine.ClosedSessions;
        Assert.Equal(before.PacketsReceived + 2, after.PacketsReceived);
        Assert.Equal(before.PacketsLost + 1, after.PacketsLost);
    }

    [Fact]
    public async Task Rtcp_SenderReportReachesThePeersRtcpPort()
    {
        var options = Options();
        options.SendSilenceWhenIdle = true;
        options.RtcpInterval = TimeSpan.FromMilliseconds(100);
        await using var engine = new MediaEngine(options, _time);
        using var rtcpPeer = new RtpPeer();
        await using var session = engine.CreateSession();
        session.Start(AudioTo(_peer.Port) with { RemoteRtcpPort = rtcpPeer.Port });

        for (var ms = 0; ms < 120; ms++)
        {
            engine.Clock.RunDue();
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        ReadOnlySpan<byte> compound = await rtcpPeer.ReceiveAsync();
        Assert.True(RtcpPacket.TryReadNext(ref compound, out var type, out _, out var sr));
        Assert.Equal(RtcpPacketType.SenderReport, type);
        Assert.True(RtcpPacket.TryParseReport(sr, out var report));
        Assert.Equal(session.Ssrc, report.Ssrc);
        Assert.Equal(5u, report.SenderInfo.PacketCount);
        Assert.True(RtcpPacket.TryReadNext(ref compound, out var sdes, out _, out _));
        Assert.Equal(RtcpPacketType.SourceDescription, sdes);
    }

    [Fact]
    public async Task ReceiverReportFromPeer_ShowsAsRemoteLoss()
    {
        await using var session = _engine.CreateSession();
        session.Start(AudioTo(_peer.Port));
        var rr = new byte[64];
        var length = RtcpPacket.WriteReceiverReport(rr, 77, [new RtcpReportBlock(session.Ssrc, 64, 3, 100, 80, 0, 0)]);

        _peer.SendRaw(session.LocalPort + 1, rr.AsSpan(0, length));
        await WaitUntil(() => session.GetStatistics().RtcpReportsReceived == 1);

        Assert.Equal(0.25, session.GetStatistics().RemoteFractionLost);
        Assert.Equal(TimeSpan.FromMilliseconds(10), session.GetStatistics().RemoteJitter);
    }

    [Fact]
    public async Task Dispose_ReturnsThePortAndCountsTheSessionClosed()
    {
        var session = _engine.CreateSession();
        session.Start(AudioTo(_peer.Port));
        Assert.Equal(1, _engine.ActiveSessions);

        await session.DisposeAsync();
        await session.DisposeAsync();

        Assert.Equal(0, _engine.ActiveSessions);
        Assert.Equal(0, _engine.Ports.InUse);
        Assert.Equal(0, _engine.Clock.StreamCount);
    }

    [Fact]
    public async Task ExhaustedPortRange_Throws()
    {
        var options = Options();
        options.RtpPortMin = PortBase + 990;
        options.RtpPortMax = PortBase + 991;
        await using var engine = new MediaEngine(options, _time);
        await using var first = engine.CreateSession();

        Assert.Throws<InvalidOperationException>(() => engine.CreateSession());
    }

    public async ValueTask DisposeAsync()
    {
        _peer.Dispose();
        await _engine.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
