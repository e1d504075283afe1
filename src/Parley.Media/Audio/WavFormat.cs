namespace Parley.Media.Audio;

/// <summary>The format of a WAV file: encoding, sample rate and channel count.</summary>
public readonly record struct WavFormat(WavEncoding Encoding, int SampleRate, int Channels)
{
    public static readonly WavFormat Pcm8kMono = new(WavEncoding.Pcm16, 8000, 1);
    public static readonly WavFormat Pcm16kMono = new(WavEncoding.Pcm16, 16000, 1);
    public static readonly WavFormat Pcm8kStereo = new(WavEncoding.Pcm16, 8000, 2);

    public int BitsPerSample => Encoding == WavEncoding.Pcm16 ? 16 : 8;

    public int BlockAlign => Channels * BitsPerSample / 8;

    public int ByteRate => SampleRate * BlockAlign;
}
