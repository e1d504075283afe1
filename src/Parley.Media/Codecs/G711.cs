namespace Parley.Media.Codecs;

/// <summary>Dispatches to <see cref="MuLaw"/> or <see cref="ALaw"/> by negotiated codec.</summary>
public static class G711
{
    public static void Encode(AudioCodec codec, ReadOnlySpan<short> samples, Span<byte> destination)
    {
        if (codec == AudioCodec.Pcmu)
        {
            MuLaw.Encode(samples, destination);
        }
        else
        {
            ALaw.Encode(samples, destination);
        }
    }

    public static void Decode(AudioCodec codec, ReadOnlySpan<byte> codes, Span<short> destination)
    {
        if (codec == AudioCodec.Pcmu)
        {
            MuLaw.Decode(codes, destination);
        }
        else
        {
            ALaw.Decode(codes, destination);
        }
    }

    /// <summary>The code for digital silence (linear 0).</summary>
    public static byte Silence(AudioCodec codec) => codec == AudioCodec.Pcmu ? (byte)0xFF : (byte)0xD5;
}
