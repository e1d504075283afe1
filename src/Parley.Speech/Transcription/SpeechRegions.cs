namespace Parley.Speech.Transcription;

/// <summary>
/// Finds the parts of a recording channel that hold sound, by energy: 20 ms frames whose RMS reaches
/// <see cref="Threshold"/>, joined when less than <see cref="MaxGap"/> apart, padded, and cut at
/// <see cref="MaxRegion"/>. A recorded call channel is digital silence while the side says nothing, is on hold or the
/// recording is paused, so energy is enough to skip it; the decoder then sees one utterance per region.
/// </summary>
public static class SpeechRegions
{
    public const int SampleRate = 8000;
    public const int FrameSamples = 160;
    public const double Threshold = 300;
    public static readonly TimeSpan MaxGap = TimeSpan.FromMilliseconds(600);
    public static readonly TimeSpan Padding = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan MaxRegion = TimeSpan.FromSeconds(30);

    /// <summary>Regions as (first sample, sample count), in order, not overlapping.</summary>
    public static List<(int Start, int Length)> Find(ReadOnlySpan<short> samples)
    {
        var maxGapFrames = (int)(MaxGap.TotalSeconds * SampleRate / FrameSamples);
        var pad = (int)(Padding.TotalSeconds * SampleRate);
        var maxLength = (int)(MaxRegion.TotalSeconds * SampleRate);
        var frames = samples.Length / FrameSamples;
        var regions = new List<(int Start, int Length)>();
        int? first = null;
        var last = -1;
        for (var f = 0; f <= frames; f++)
        {
            var loud = f < frames && Rms(samples.Slice(f * FrameSamples, FrameSamples)) >= Threshold;
            if (loud)
            {
                first ??= f;
                last = f;
            }

            if (first is { } begin && (f == frames || (!loud && f - last > maxGapFrames) || (f - begin) * FrameSamples >= maxLength))
            {
                var start = Math.Max(0, (begin * FrameSamples) - pad);
                var end = Math.Min(samples.Length, ((last + 1) * FrameSamples) + pad);
                if (regions.Count > 0 && regions[^1].Start + regions[^1].Length > start)
                {
                    start = regions[^1].Start + regions[^1].Length;
                }

                if (end > start)
                {
                    regions.Add((start, end - start));
                }

                first = null;
            }
        }

        return regions;
    }

    private static double Rms(ReadOnlySpan<short> frame)
    {
        double sum = 0;
        foreach (var sample in frame)
        {
            sum += (double)sample * sample;
        }

        return Math.Sqrt(sum / frame.Length);
    }
}
