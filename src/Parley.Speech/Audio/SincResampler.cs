namespace Parley.Speech.Audio;

/// <summary>
/// Resamples a whole buffer between any two rates with a Hann-windowed sinc (16 zero crossings each side), the
/// cut-off at 90 % of the lower Nyquist frequency so nothing aliases into the telephone band. Used on engine output
/// (espeak-ng speaks at 22,050 Hz) before it is cached at 8 kHz; not for the real-time path. The ratio is reduced
/// to L/M and the kernel precomputed for each of the L output phases (22,050 → 8,000 Hz: 160 phases).
/// </summary>
public static class SincResampler
{
    private const int ZeroCrossings = 16;
    private const int MaxPhases = 4096;

    public static short[] Resample(ReadOnlySpan<short> input, int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputRate, 1000);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputRate, 1000);
        if (inputRate == outputRate)
        {
            return input.ToArray();
        }

        var gcd = Gcd(inputRate, outputRate);
        var up = outputRate / gcd;       // L: output phases
        var down = inputRate / gcd;      // M: input samples per L outputs
        if (up > MaxPhases)
        {
            throw new ArgumentException($"Unsupported rate pair {inputRate} → {outputRate} Hz.", nameof(outputRate));
        }

        var cutoff = 0.9 * Math.Min(1.0, outputRate / (double)inputRate);   // 1.0 = input Nyquist
        var half = ZeroCrossings / cutoff;                                   // kernel half-width in input samples
        var reach = (int)Math.Ceiling(half);
        var width = 2 * reach;
        var kernels = BuildKernels(up, cutoff, half, reach, width);
        var output = new short[(int)((long)input.Length * up / down)];
        for (var i = 0; i < output.Length; i++)
        {
            var position = (long)i * down;
            var center = (int)(position / up);
            var phase = (int)(position % up);
            var kernel = kernels.AsSpan(phase * width, width);
            var first = center - reach + 1;
            var acc = 0f;
            for (var j = 0; j < width; j++)
            {
                var k = first + j;
                if ((uint)k < (uint)input.Length)
                {
                    acc += kernel[j] * input[k];
                }
            }

            output[i] = (short)Math.Clamp(MathF.Round(acc), short.MinValue, short.MaxValue);
        }

        return output;
    }

    private static float[] BuildKernels(int phases, double cutoff, double half, int reach, int width)
    {
        var kernels = new float[phases * width];
        for (var p = 0; p < phases; p++)
        {
            var fraction = p / (double)phases;
            for (var j = 0; j < width; j++)
            {
                var d = fraction - (j - reach + 1);   // output time minus input sample index
                if (Math.Abs(d) >= half)
                {
                    continue;
                }

                var sinc = d == 0 ? cutoff : Math.Sin(Math.PI * cutoff * d) / (Math.PI * d);
                var window = 0.5 + (0.5 * Math.Cos(Math.PI * d / half));
                kernels[(p * width) + j] = (float)(sinc * window);
            }
        }

        return kernels;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
