using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Parley.Media.Audio;
using Parley.Media.Codecs;
using Parley.Voice.Recording;

namespace Parley.Voice.Tests.Recording;

/// <summary>The call recorder writes a stereo WAV on disk: customer left, agent side (mixed) right, silence when paused.</summary>
public sealed class CallRecorderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "parley-rec-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void CustomerAudio_GoesLeft_AndAgentAudio_GoesRight()
    {
        var path = Path.Combine(_directory, "a.wav");
        RecordingResult result;
        using (var recorder = CallRecorder.Create(path))
        {
            for (var frame = 0; frame < 50; frame++)
            {
                recorder.CustomerFrame(AudioCodec.Pcmu, Tone(440, frame));
                recorder.AgentFrame("agent", AudioCodec.Pcmu, Tone(1000, frame));
                recorder.Tick();
            }

            result = recorder.Finish();
        }

        var (left, right) = Channels(WavReader.Read(path));
        Assert.Equal(50 * CallRecorder.FrameSamples, left.Length);
        Assert.InRange(DominantFrequency(left), 400, 480);
        Assert.InRange(DominantFrequency(right), 950, 1050);
        Assert.Equal(TimeSpan.FromSeconds(1), result.Duration);
        Assert.Equal(new FileInfo(path).Length, result.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), result.Sha256);
        Assert.Equal(2, result.Channels);
    }

    [Fact]
    public void PausedPart_IsSilence_AndIsReportedAsAPause()
    {
        var path = Path.Combine(_directory, "p.wav");
        RecordingResult result;
        using (var recorder = CallRecorder.Create(path))
        {
            for (var frame = 0; frame < 30; frame++)
            {
                if (frame == 10)
                {
                    Assert.True(recorder.Pause());
                }

                if (frame == 20)
                {
                    Assert.True(recorder.Resume());
                }

                recorder.CustomerFrame(AudioCodec.Pcmu, Tone(440, frame));
                recorder.AgentFrame("agent", AudioCodec.Pcmu, Tone(1000, frame));
                recorder.Tick();
            }

            result = recorder.Finish();
        }

        var (left, right) = Channels(WavReader.Read(path));
        const int n = CallRecorder.FrameSamples;
        Assert.All(left[(10 * n)..(20 * n)], s => Assert.Equal(0, s));
        Assert.All(right[(10 * n)..(20 * n)], s => Assert.Equal(0, s));
        Assert.True(Energy(left[..(10 * n)]) > 1000);
        Assert.True(Energy(right[(20 * n)..]) > 1000);
        var pause = Assert.Single(result.Pauses);
        Assert.Equal(TimeSpan.FromMilliseconds(200), pause.Start);
        Assert.Equal(TimeSpan.FromMilliseconds(400), pause.End);
    }

    [Fact]
    public void ASideThatSendsNothing_IsSilence_SoTheChannelsStayAligned()
    {
        var path = Path.Combine(_directory, "h.wav");
        using (var recorder = CallRecorder.Create(path))
        {
            for (var frame = 0; frame < 20; frame++)
            {
                recorder.CustomerFrame(AudioCodec.Pcmu, Tone(440, frame));
                if (frame >= 10)
                {
                    recorder.AgentFrame("transferred-to", AudioCodec.Pcma, Tone(1000, frame, AudioCodec.Pcma));
                }

                recorder.Tick();
            }

            recorder.Finish();
        }

        var (_, right) = Channels(WavReader.Read(path));
        Assert.All(right[..(10 * CallRecorder.FrameSamples)], s => Assert.Equal(0, s));
        Assert.InRange(DominantFrequency(right[(10 * CallRecorder.FrameSamples)..]), 950, 1050);
    }

    [Fact]
    public void TwoAgentSideLegs_AreMixedIntoTheRightChannel()
    {
        var path = Path.Combine(_directory, "m.wav");
        using (var recorder = CallRecorder.Create(path))
        {
            for (var frame = 0; frame < 50; frame++)
            {
                recorder.AgentFrame("agent", AudioCodec.Pcmu, Tone(600, frame));
                recorder.AgentFrame("supervisor", AudioCodec.Pcmu, Tone(1500, frame));
                recorder.Tick();
            }

            recorder.Finish();
        }

        var (left, right) = Channels(WavReader.Read(path));
        Assert.All(left, s => Assert.Equal(0, s));
        Assert.True(Goertzel(right, 600) > 10 * Goertzel(right, 1000));
        Assert.True(Goertzel(right, 1500) > 10 * Goertzel(right, 1000));
    }

    [Fact]
    public void AgentSideLegs_AreSummedThenClampedOnce_AndOneLegIsCopiedAsItIs()
    {
        const byte loudest = 0x80; // μ-law +32124
        const byte quietest = 0x00; // μ-law -32124
        var path = Path.Combine(_directory, "s.wav");
        using (var recorder = CallRecorder.Create(path))
        {
            // Frame 0: one leg, copied. Frame 1: two loud legs, clamped. Frame 2: three legs whose running sum
            // overflows but whose total (+32124) does not: the total is written, not a clamped partial sum.
            recorder.AgentFrame("agent", AudioCodec.Pcmu, Fill(loudest));
            recorder.Tick();
            recorder.AgentFrame("agent", AudioCodec.Pcmu, Fill(loudest));
            recorder.AgentFrame("supervisor", AudioCodec.Pcmu, Fill(loudest));
            recorder.Tick();
            recorder.AgentFrame("agent", AudioCodec.Pcmu, Fill(loudest));
            recorder.AgentFrame("supervisor", AudioCodec.Pcmu, Fill(loudest));
            recorder.AgentFrame("third", AudioCodec.Pcmu, Fill(quietest));
            recorder.Tick();
            recorder.Tick();
            recorder.Finish();
        }

        var (left, right) = Channels(WavReader.Read(path));
        const int n = CallRecorder.FrameSamples;
        Assert.All(left, s => Assert.Equal(0, s));
        Assert.All(right[..n], s => Assert.Equal(32124, s));
        Assert.All(right[n..(2 * n)], s => Assert.Equal(short.MaxValue, s));
        Assert.All(right[(2 * n)..(3 * n)], s => Assert.Equal(32124, s));
        Assert.All(right[(3 * n)..], s => Assert.Equal(0, s));
    }

    [Fact]
    public async Task TheNodesClock_WritesEveryFrameDueToEachRecording_EvenWhenATickIsLate()
    {
        var time = new FakeTimeProvider();
        var path = Path.Combine(_directory, "c.wav");
        using var recorder = CallRecorder.Create(path);
        using var other = CallRecorder.Create(Path.Combine(_directory, "d.wav"));
        var clock = new RecordingClock(time);
        clock.Add(recorder);
        for (var i = 0; i < 20; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(20));
            await WaitForAsync(() => recorder.Duration >= TimeSpan.FromMilliseconds(20 * (i + 1)));
        }

        clock.Add(other);
        time.Advance(TimeSpan.FromMilliseconds(100));
        await WaitForAsync(() => recorder.Duration >= TimeSpan.FromMilliseconds(500) && other.Duration >= TimeSpan.FromMilliseconds(100));
        clock.Remove(recorder);
        clock.Remove(other);
        Assert.Equal(0, clock.Active);
        Assert.Equal(TimeSpan.FromMilliseconds(500), recorder.Finish().Duration);
        Assert.Equal(TimeSpan.FromMilliseconds(100), other.Finish().Duration);
    }

    [Fact]
    public void RemovingARecordingFromTheClock_WritesTheFramesStillDue_SoALateClockDoesNotShortenIt()
    {
        var time = new FakeTimeProvider();
        using var recorder = CallRecorder.Create(Path.Combine(_directory, "late.wav"));
        var clock = new RecordingClock(time);
        clock.Add(recorder);

        // The call ends 200 ms in, whether or not the clock's tick has run since (on a busy machine it may not have).
        time.Advance(TimeSpan.FromMilliseconds(200));
        clock.Remove(recorder);

        Assert.Equal(TimeSpan.FromMilliseconds(200), recorder.Duration);
        Assert.Equal(TimeSpan.FromMilliseconds(200), recorder.Finish().Duration);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var attempt = 0; !condition(); attempt++)
        {
            Assert.True(attempt < 500, "the recording clock did not write the frames due");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    private static byte[] Fill(byte code) => Enumerable.Repeat(code, CallRecorder.FrameSamples).ToArray();

    private static byte[] Tone(double hz, int frame, AudioCodec codec = AudioCodec.Pcmu)
    {
        var pcm = new short[CallRecorder.FrameSamples];
        for (var i = 0; i < pcm.Length; i++)
        {
            var t = ((frame * pcm.Length) + i) / 8000.0;
            pcm[i] = (short)(8000 * Math.Sin(2 * Math.PI * hz * t));
        }

        var codes = new byte[pcm.Length];
        G711.Encode(codec, pcm, codes);
        return codes;
    }

    private static (short[] Left, short[] Right) Channels(WavAudio wav)
    {
        Assert.Equal(2, wav.Format.Channels);
        Assert.Equal(8000, wav.Format.SampleRate);
        var pcm = wav.ToPcm16();
        var left = new short[pcm.Length / 2];
        var right = new short[pcm.Length / 2];
        for (var i = 0; i < left.Length; i++)
        {
            left[i] = pcm[2 * i];
            right[i] = pcm[(2 * i) + 1];
        }

        return (left, right);
    }

    private static double Energy(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += s * (double)s;
        }

        return Math.Sqrt(sum / Math.Max(1, samples.Length));
    }

    private static double DominantFrequency(short[] samples)
    {
        var best = 0;
        var bestPower = 0.0;
        for (var hz = 200; hz <= 2000; hz += 20)
        {
            var power = Goertzel(samples, hz);
            if (power > bestPower)
            {
                bestPower = power;
                best = hz;
            }
        }

        return best;
    }

    private static double Goertzel(short[] samples, double hz)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * hz / 8000);
        double s1 = 0, s2 = 0;
        foreach (var x in samples)
        {
            var s0 = x + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        return (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
    }
}
