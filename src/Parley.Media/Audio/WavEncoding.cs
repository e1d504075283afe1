namespace Parley.Media.Audio;

/// <summary>Sample encodings Parley reads and writes in WAV files; values are the WAVE format tags.</summary>
public enum WavEncoding : ushort
{
    Pcm16 = 1,
    ALaw = 6,
    MuLaw = 7,
}
