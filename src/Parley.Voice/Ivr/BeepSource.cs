using Parley.Media.Audio;

namespace Parley.Voice.Ivr;

/// <summary>The "record after the tone" beep: a 1 kHz sine for <see cref="Frames"/> 20 ms frames, then nothing.</summary>
internal sealed class BeepSource : IAudioFrameSource
{
    public const double Hertz = 1000;
    public const int Frames = 25;

    private long _sample;
    private int _frames;

    public bool Done => Volatile.Read(ref _frames) >= Frames;

    public bool TryReadFrame(Span<short> frame)
    {
        if (_frames >= Frames)
        {
            return false;
        }

        for (var i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)(6000 * Math.Sin(2 * Math.PI * Hertz * _sample++ / 8000));
        }

        Volatile.Write(ref _frames, _frames + 1);
        return true;
    }
}
