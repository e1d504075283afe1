using System.Runtime.CompilerServices;

namespace Parley.Media.Codecs;

/// <summary>
/// G.711 µ-law, bit-exact with the ITU-T G.191 reference (<c>ulaw_compress</c>/<c>ulaw_expand</c>):
/// 16-bit linear in, the 14 most significant bits are coded. Encoding looks up a 64 KiB table indexed
/// by the sample, decoding a 256-entry table; both are branch-free per sample.
/// </summary>
public static class MuLaw
{
    private static readonly byte[] EncodeTable = BuildEncodeTable();
    private static readonly short[] DecodeTable = BuildDecodeTable();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Encode(short sample) => EncodeTable[(ushort)sample];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static short Decode(byte code) => DecodeTable[code];

    /// <summary>Encodes <paramref name="samples"/> into <paramref name="destination"/>, which must be at least as long.</summary>
    public static void Encode(ReadOnlySpan<short> samples, Span<byte> destination) =>
        G711Kernel.Encode(EncodeTable, samples, destination);

    public static void Decode(ReadOnlySpan<byte> codes, Span<short> destination) =>
        G711Kernel.Decode(DecodeTable, codes, destination);

    /// <summary>The reference algorithm, used to build the table (G.191 <c>ulaw_compress</c>).</summary>
    internal static byte EncodeReference(short sample)
    {
        int x = sample;
        var magnitude = x < 0 ? (~x) >> 2 : x >> 2;
        magnitude += 33;
        if (magnitude > 0x1FFF)
        {
            magnitude = 0x1FFF;
        }

        var i = magnitude >> 6;
        var segment = 1;
        while (i != 0)
        {
            segment++;
            i >>= 1;
        }

        var high = 8 - segment;
        var low = 0x0F - ((magnitude >> segment) & 0x0F);
        var code = (high << 4) | low;
        if (x >= 0)
        {
            code |= 0x80;
        }

        return (byte)code;
    }

    /// <summary>G.191 <c>ulaw_expand</c>.</summary>
    internal static short DecodeReference(byte code)
    {
        var sign = code < 0x80 ? -1 : 1;
        var inverted = ~code & 0xFF;
        var exponent = (inverted >> 4) & 0x07;
        var mantissa = inverted & 0x0F;
        var step = 4 << (exponent + 1);
        var magnitude = (0x80 << exponent) + (step * mantissa) + (step / 2) - (4 * 33);
        return (short)(sign * magnitude);
    }

    private static byte[] BuildEncodeTable()
    {
        var table = new byte[65536];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = EncodeReference((short)(ushort)i);
        }

        return table;
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = DecodeReference((byte)i);
        }

        return table;
    }
}
