namespace Parley.Media.Audio;

/// <summary>Something that yields 8 kHz linear audio one frame at a time (a prompt, a mixer output, TTS).</summary>
public interface IAudioFrameSource
{
    /// <summary>Fills <paramref name="frame"/>; returns false when there is nothing to play this frame.</summary>
    bool TryReadFrame(Span<short> frame);
}
