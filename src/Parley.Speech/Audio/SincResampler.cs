namespace Parley.Speech.Audio;

/// <summary>
/// Resamples a whole buffer between any two rates with a Hann-windowed sinc (16 zero crossings each side), the
/// cut-off at 90 % of the lower Nyquist frequency so nothing aliases into the telephone band. Used on engine output
/// (espeak-ng speaks at 22,050 Hz) before it is cached at 8 kHz; not for the real-time path.
/// </summary>
public static class SincResampler
{
    private const int ZeroCrossings = 16;

    public static short[] Resample(ReadOnlySpan<short> input, int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputRate, 1000);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputRate, 1000);
        if (inputRate == outputRate)
        {
            return input.ToArray();
        }

        var ratio = outputRate / (double)inputRate;
        var cutoff = 0.9 * Math.Min(1.0, ratio);        // in cycles per input sample × 2 (1.0 = input Nyquist)
        var half = ZeroCrossings / cutoff;              // kernel half-width in input samples
        var output = new short[(int)(input.Length * ratio)];
        for (var i = 0; i < output.Length; i++)
        {
            var t = i / ratio;
            var first = Math.Max(0, (int)Math.Ceiling(t - half));
            var last = Math.Min(input.Length - 1, (int)Math.Floor(t + half));
            var acc = 0.0;
            for (var k = first; k <= last; k++)
            {
                var d = t - k;
                var sinc = d == 0 ? cutoff : Math.Sin(Math.PI * cutoff * d) / (Math.PI * d);
                var window = 0.5 + (0.5 * Math.Cos(Math.PI * d / half));
                acc += input[k] * sinc * window;
            }

            output[i] = (short)Math.Clamp(Math.Round(acc), short.MinValue, short.MaxValue);
        }

        return output;
    }
}
