using System.Globalization;
using System.Net;
using System.Text;
using Parley.Interop.Tests.Support;
using Parley.Media;
using Parley.Media.Codecs;
using Parley.Media.Rtp;
using Parley.Media.Sdp;

namespace Parley.Interop.Tests.Sipp;

/// <summary>
/// Media both ways with SIPp as the callee: Parley's UAC negotiates SDP with SIPp's UAS, plays a 440 Hz tone, and
/// SIPp (<c>-rtp_echo</c>) sends every RTP packet back — Parley must hear its own tone, decoded, not just packets.
/// </summary>
public sealed class SippRtpEchoTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ParleyCall_ToSippRtpEcho_HearsItsOwnToneBack()
    {
        Assert.True(PeerProcess.IsInstalled(Support.Sipp.Executable), "sipp (Debian package sip-tester) is needed: eng/test.sh installs it.");
        await using var parley = new ParleyEchoHost();
        var sipPort = FreePort.Udp();
        var mediaPort = FreePort.Udp();
        await using var sipp = Support.Sipp.Start(
            "-sn", "uas", "-p", sipPort.ToString(CultureInfo.InvariantCulture), "-mi", "127.0.0.1",
            "-rtp_echo", "-mp", mediaPort.ToString(CultureInfo.InvariantCulture), "-m", "1");
        await using var session = parley.Engine.CreateSession();
        var heard = new ReceivedAudio();
        session.AudioReceived = heard.Add;
        var local = new SdpOfferParameters(IPAddress.Loopback, session.LocalPort);
        var offer = SdpNegotiator.CreateOffer(local);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromSeconds(25));

        var call = await parley.Stack.InviteAsync($"sip:echo@127.0.0.1:{sipPort}", Encoding.ASCII.GetBytes(offer.ToString()), cancellationToken: cts.Token);
        Assert.Equal(200, call.StatusCode);
        var audio = SdpNegotiator.ProcessAnswer(offer, SdpParser.Parse(call.Dialog!.RemoteSdp.Span), local);
        session.Play(new SineSource(440, 8000));
        session.Start(audio);
        var enough = await heard.WaitForSamplesAsync(8000 * 2, cts.Token);
        var statistics = session.GetStatistics();
        var bye = await call.Dialog.ByeAsync(cts.Token);
        var exit = await sipp.WaitForExitAsync(TimeSpan.FromSeconds(20), Ct);

        Assert.Equal(mediaPort, audio.RemotePort);
        Assert.True(enough, $"only {heard.Count} samples came back from SIPp's echo:\n{sipp.Output}");
        Assert.True(statistics.PacketsReceived >= 100, $"{statistics.PacketsReceived} RTP packets came back");
        var samples = heard.ToArray();
        Assert.True(AudioAnalysis.Rms(samples) > 1000, $"the echoed audio is silent (RMS {AudioAnalysis.Rms(samples):F0})");
        Assert.InRange(AudioAnalysis.Power(samples, 440) / Math.Max(1, AudioAnalysis.Power(samples, 1000)), 10, double.MaxValue);
        Assert.Equal(200, bye.StatusCode);
        Assert.True(exit == 0, $"sipp exited {exit}:\n{sipp.Output}");
    }

    /// <summary>Decodes every received audio payload (on the receive thread) into one growing buffer.</summary>
    private sealed class ReceivedAudio
    {
        private readonly Lock _lock = new();
        private readonly List<short> _samples = [];
        private readonly short[] _frame = new short[RtpEndpoint.MaxDatagram];

        public int Count
        {
            get
            {
                lock (_lock)
                {
                    return _samples.Count;
                }
            }
        }

        public void Add(MediaSession session, in RtpHeader header, ReadOnlySpan<byte> payload)
        {
            var codec = session.Audio?.Codec ?? AudioCodec.Pcmu;
            lock (_lock)
            {
                var pcm = _frame.AsSpan(0, payload.Length);
                G711.Decode(codec, payload, pcm);
                _samples.AddRange(pcm);
            }
        }

        public short[] ToArray()
        {
            lock (_lock)
            {
                return [.. _samples];
            }
        }

        public async Task<bool> WaitForSamplesAsync(int wanted, CancellationToken cancellationToken)
        {
            using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
            try
            {
                while (Count < wanted)
                {
                    await ticker.WaitForNextTickAsync(cancellationToken);
                }

                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }
}
