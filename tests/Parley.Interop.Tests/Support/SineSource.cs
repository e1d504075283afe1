using Parley.Media.Audio;

namespace Parley.Interop.Tests.Support;

/// <summary>An endless sine tone at 8 kHz, for hearing our own audio come back from a peer.</summary>
internal sealed class SineSource(double frequency, short amplitude) : IAudioFrameSource
{
    private long _sample;

    public bool TryReadFrame(Span<short> frame)
    {
        for (var i = 0; i < frame.Length; i++, _sample++)
        {
            frame[i] = (short)(amplitude * Math.Sin(2 * Math.PI * frequency * _sample / 8000));
        }

        return true;
    }
}
