using Parley.Media.Audio;

namespace Parley.Media.Tests.Audio;

public sealed class Resampler16To8Tests
{
    private static short[] Downsample(short[] input, int frame)
    {
        var resampler = new Resampler16To8();
        var output = new List<short>();
        var buffer = new short[(frame + 1) / 2];
        for (var i = 0; i < input.Length; i += frame)
        {
            var chunk = input.AsSpan(i, Math.Min(frame, input.Length - i));
            var n = resampler.Process(chunk, buffer);
            output.AddRange(buffer.AsSpan(0, n));
        }

        return [.. output];
    }

    [Theory]
    [InlineData(300)]
    [InlineData(1000)]
    [InlineData(3000)]
    public void VoiceBandTone_PassesWithinHalfADecibel(double frequency)
    {
        var input = ToneGenerator.Sine(frequency, 16000, 16000);

        var output = Downsample(input, 320);

        Assert.Equal(8000, output.Length);
        var gainDb = 20 * Math.Log10(ToneGenerator.Rms(output.AsSpan(100)) / ToneGenerator.Rms(input));
        Assert.InRange(gainDb, -0.5, 0.5);
    }

    [Theory]
    [InlineData(4600)]
    [InlineData(6000)]
    [InlineData(7500)]
    public void ToneAboveNyquistOfOutput_IsRejectedByFortyDecibels(double frequency)
    {
        var input = ToneGenerator.Sine(frequency, 16000, 16000);

        var output = Downsample(input, 320);

        var gainDb = 20 * Math.Log10(Math.Max(1e-9, ToneGenerator.Rms(output.AsSpan(100))) / ToneGenerator.Rms(input));
        Assert.True(gainDb < -40, $"{frequency} Hz only attenuated by {gainDb:F1} dB");
    }

    [Fact]
    public void OddFrameSizes_GiveTheSameOutputAsOneBlock()
    {
        var input = ToneGenerator.Sine(1000, 16000, 3200);

        Assert.Equal(Downsample(input, 3200), Downsample(input, 33));
    }

    [Fact]
    public void Impulse_IsDelayedByTheGroupDelay()
    {
        var input = new short[200];
        input[0] = 30000;

        var output = Downsample(input, 200);

        var peak = Array.IndexOf(output, output.Max());
        Assert.Equal(Resampler16To8.DelaySamples, peak);
    }
}
