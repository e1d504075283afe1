using System.Runtime.CompilerServices;

namespace Parley.Media.Codecs;

/// <summary>
/// G.711 A-law, bit-exact with the ITU-T G.191 reference (<c>alaw_compress</c>/<c>alaw_expand</c>):
/// 16-bit linear in, the 13 most significant bits are coded, even bits inverted (XOR 0x55).
/// </summary>
public static class ALaw
{
    private static readonly byte[] EncodeTable = BuildEncodeTable();
    private static readonly short[] DecodeTable = BuildDecodeTable();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Encode(short sample) => EncodeTable[(ushort)sample];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static short Decode(byte code) => DecodeTable[code];

    public static void Encode(ReadOnlySpan<short> samples, Span<byte> destination) =>
        G711Kernel.Encode(EncodeTable, samples, destination);

    public static void Decode(ReadOnlySpan<byte> codes, Span<short> destination) =>
        G711Kernel.Decode(DecodeTable, codes, destination);

    /// <summary>G.191 <c>alaw_compress</c>.</summary>
    internal static byte EncodeReference(short sample)
    {
        int x = sample;
        var ix = x < 0 ? (~x) >> 4 : x >> 4;
        if (ix > 15)
        {
            var exponent = 1;
            while (ix > 16 + 15)
            {
                ix >>= 1;
                exponent++;
            }

            ix -= 16;
            ix += exponent << 4;
        }

        if (x >= 0)
        {
            ix |= 0x80;
        }

        return (byte)(ix ^ 0x55);
    }

    /// <summary>G.191 <c>alaw_expand</c>.</summary>
    internal static short DecodeReference(byte code)
    {
        var ix = (code ^ 0x55) & 0x7F;
        var exponent = ix >> 4;
        var mantissa = ix & 0x0F;
        if (exponent > 0)
        {
            mantissa += 16;
        }

        mantissa = (mantissa << 4) + 8;
        if (exponent > 1)
        {
            mantissa <<= exponent - 1;
        }

        return (short)(code > 127 ? mantissa : -mantissa);
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
