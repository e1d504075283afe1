using Parley.Speech.Audio;

namespace Parley.Speech.Tests.Audio;

public sealed class SincResamplerTests
{
    [Fact]
    public void Resample_KeepsAToneInTheTelephoneBand()
    {
        var output = SincResampler.Resample(Tone(1000, 22050, 22050), 22050, 8000);
        Assert.Equal(8000, output.Length);
        Assert.InRange(Rms(output.AsSpan(500, 7000)), 0.95 * 7071, 1.05 * 7071);
    }

    [Fact]
    public void Resample_RemovesAToneAboveTheNewNyquistFrequency()
    {
        var output = SincResampler.Resample(Tone(6000, 22050, 22050), 22050, 8000);
        Assert.True(Rms(output.AsSpan(500, 7000)) < 100, "a 6 kHz tone would alias to 2 kHz");
    }

    [Theory]
    [InlineData(16000, 8000)]
    [InlineData(8000, 16000)]
    [InlineData(44100, 8000)]
    public void Resample_KeepsLengthAndLevelForOtherRatePairs(int from, int to)
    {
        var output = SincResampler.Resample(Tone(440, from, from), from, to);
        Assert.Equal(to, output.Length);
        Assert.InRange(Rms(output.AsSpan(to / 10, to * 8 / 10)), 0.95 * 7071, 1.05 * 7071);
    }

    private static short[] Tone(double frequency, int rate, int count) =>
        Enumerable.Range(0, count).Select(i => (short)(10000 * Math.Sin(2 * Math.PI * frequency * i / rate))).ToArray();

    private static double Rms(ReadOnlySpan<short> samples)
    {
        var sum = 0.0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return Math.Sqrt(sum / samples.Length);
    }
}
