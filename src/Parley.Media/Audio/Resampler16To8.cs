namespace Parley.Media.Audio;

/// <summary>
/// 16 kHz → 8 kHz by a linear-phase low-pass FIR decimator: 47 Hamming-windowed sinc taps, cutoff 3.8 kHz,
/// unity DC gain, only every second output computed. About 0.1 dB ripple up to 3.2 kHz, ≥ 40 dB rejection from
/// 4.4 kHz (what would alias). Keeps its history between calls, so a stream can be fed frame by frame.
/// Not thread-safe: one instance per stream.
/// </summary>
public sealed class Resampler16To8
{
    public const int TapCount = 47;
    private static readonly float[] Taps = BuildTaps();
    private readonly float[] _window = new float[TapCount * 2];
    private int _position;
    private bool _odd;

    /// <summary>Group delay, in 8 kHz output samples.</summary>
    public static int DelaySamples => (TapCount - 1) / 4;

    /// <summary>
    /// Filters and decimates <paramref name="input"/> (16 kHz) into <paramref name="output"/> (8 kHz); returns the
    /// number of samples written, (input + parity) / 2. <paramref name="output"/> needs (input.Length + 1) / 2 room.
    /// </summary>
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        var written = 0;
        var taps = Taps.AsSpan();
        for (var i = 0; i < input.Length; i++)
        {
            // Each sample is stored twice, so the last TapCount samples are always contiguous.
            _window[_position] = input[i];
            _window[_position + TapCount] = input[i];
            _position = _position + 1 == TapCount ? 0 : _position + 1;
            _odd = !_odd;
            if (_odd)
            {
                continue;
            }

            var window = _window.AsSpan(_position, TapCount);
            var acc = 0f;
            for (var k = 0; k < taps.Length; k++)
            {
                acc += taps[k] * window[k];
            }

            output[written++] = (short)Math.Clamp(MathF.Round(acc), short.MinValue, short.MaxValue);
        }

        return written;
    }

    private static float[] BuildTaps()
    {
        const double cutoff = 3800.0 / 16000.0;
        var taps = new double[TapCount];
        var m = (TapCount - 1) / 2.0;
        var sum = 0.0;
        for (var n = 0; n < TapCount; n++)
        {
            var x = n - m;
            var sinc = x == 0 ? 2 * cutoff : Math.Sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
            var window = 0.54 - (0.46 * Math.Cos(2 * Math.PI * n / (TapCount - 1)));
            taps[n] = sinc * window;
            sum += taps[n];
        }

        var result = new float[TapCount];
        for (var n = 0; n < TapCount; n++)
        {
            result[n] = (float)(taps[n] / sum);
        }

        return result;
    }
}
