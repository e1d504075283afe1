using Parley.Media;
using Parley.Media.Codecs;
using Parley.Media.Rtp;
using Parley.Media.Sdp;

namespace Parley.Voice.Tests.Ivr.Support;

/// <summary>
/// Two real media sessions on loopback, paced by a real media clock: <see cref="Parley"/> (the IVR's side of an
/// answered call) and <see cref="Caller"/> (the phone), which counts the loud frames it hears.
/// </summary>
internal sealed class MediaPair : IAsyncDisposable
{
    private const double LoudRms = 1000;
    private long _loudFrames;
    private long _framesHeard;

    private MediaPair(MediaEngine engine)
    {
        Engine = engine;
        Parley = engine.CreateSession();
        Caller = engine.CreateSession();
        Parley.Start(To(Caller.LocalPort));
        Caller.Start(To(Parley.LocalPort));
        Caller.AudioReceived = OnCallerAudio;
    }

    public MediaEngine Engine { get; }

    public MediaSession Parley { get; }

    public MediaSession Caller { get; }

    /// <summary>Frames with speech-like energy the caller received.</summary>
    public long LoudFrames => Interlocked.Read(ref _loudFrames);

    public long FramesHeard => Interlocked.Read(ref _framesHeard);

    public static MediaPair Start() => new(new MediaEngine(new MediaOptions
    {
        BindAddress = "127.0.0.1",
        RtpPortMin = 46000,
        RtpPortMax = 49000,
        RtcpInterval = TimeSpan.Zero,
        SendSilenceWhenIdle = true,
    }));

    /// <summary>Waits (polling, bounded) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? limit = null)
    {
        using var cts = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(5));
        while (!condition())
        {
            await Task.Delay(10, cts.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Caller.DisposeAsync();
        await Parley.DisposeAsync();
        await Engine.DisposeAsync();
    }

    private static NegotiatedAudio To(int port) => new(AudioCodec.Pcmu, 0, 101, "127.0.0.1", port, MediaDirection.SendRecv, 20);

    private void OnCallerAudio(MediaSession session, in RtpHeader header, ReadOnlySpan<byte> payload)
    {
        Span<short> pcm = stackalloc short[payload.Length];
        G711.Decode(AudioCodec.Pcmu, payload, pcm);
        double sum = 0;
        foreach (var s in pcm)
        {
            sum += (double)s * s;
        }

        Interlocked.Increment(ref _framesHeard);
        if (Math.Sqrt(sum / Math.Max(1, pcm.Length)) > LoudRms)
        {
            Interlocked.Increment(ref _loudFrames);
        }
    }
}
