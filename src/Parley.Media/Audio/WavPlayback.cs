namespace Parley.Media.Audio;

/// <summary>
/// Plays a WAV (any supported format, converted to mono 8 kHz once) frame by frame, optionally looping.
/// The last partial frame is padded with silence.
/// </summary>
public sealed class WavPlayback : IAudioFrameSource
{
    private readonly short[] _samples;
    private int _position;

    public WavPlayback(WavAudio audio, bool loop = false)
    {
        ArgumentNullException.ThrowIfNull(audio);
        _samples = audio.ToTelephonyPcm();
        Loop = loop;
    }

    public WavPlayback(short[] samples8k, bool loop = false)
    {
        _samples = samples8k;
        Loop = loop;
    }

    public bool Loop { get; }

    public bool IsFinished => !Loop && _position >= _samples.Length;

    public bool TryReadFrame(Span<short> frame)
    {
        if (_samples.Length == 0 || IsFinished)
        {
            return false;
        }

        var written = 0;
        while (written < frame.Length)
        {
            if (_position >= _samples.Length)
            {
                if (!Loop)
                {
                    frame[written..].Clear();
                    break;
                }

                _position = 0;
            }

            var n = Math.Min(frame.Length - written, _samples.Length - _position);
            _samples.AsSpan(_position, n).CopyTo(frame[written..]);
            _position += n;
            written += n;
        }

        return true;
    }
}
