namespace Parley.Speech.TextToSpeech;

/// <summary>Rendered speech: 8 kHz 16-bit mono samples.</summary>
public sealed class SynthesizedSpeech
{
    public const int SampleRate = 8000;

    public SynthesizedSpeech(short[] samples, bool fromCache)
    {
        ArgumentNullException.ThrowIfNull(samples);
        Samples = samples;
        FromCache = fromCache;
    }

    public short[] Samples { get; }

    /// <summary>True when the audio came from the prompt cache without running the engine.</summary>
    public bool FromCache { get; }

    public TimeSpan Duration => TimeSpan.FromSeconds(Samples.Length / (double)SampleRate);
}
