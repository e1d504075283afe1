namespace Parley.Media.Codecs;

/// <summary>G.711: the two laws, and dispatch to one by negotiated codec.</summary>
public static class G711
{
    /// <summary>G.711 µ-law (PCMU): 16-bit linear in, the 14 most significant bits are coded.</summary>
    public static readonly G711Law MuLaw = new(MuLawReference.Encode, MuLawReference.Decode);

    /// <summary>G.711 A-law (PCMA): 16-bit linear in, the 13 most significant bits are coded, even bits inverted (XOR 0x55).</summary>
    public static readonly G711Law ALaw = new(ALawReference.Encode, ALawReference.Decode);

    public static G711Law Of(AudioCodec codec) => codec == AudioCodec.Pcmu ? MuLaw : ALaw;

    public static void Encode(AudioCodec codec, ReadOnlySpan<short> samples, Span<byte> destination) => Of(codec).Encode(samples, destination);

    public static void Decode(AudioCodec codec, ReadOnlySpan<byte> codes, Span<short> destination) => Of(codec).Decode(codes, destination);

    /// <summary>The code for digital silence (linear 0).</summary>
    public static byte Silence(AudioCodec codec) => codec == AudioCodec.Pcmu ? (byte)0xFF : (byte)0xD5;
}
