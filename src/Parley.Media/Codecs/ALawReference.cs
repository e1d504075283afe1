namespace Parley.Media.Codecs;

/// <summary>
/// The ITU-T G.191 reference algorithms of G.711 A-law, from which <see cref="G711.ALaw"/> builds its tables
/// (so the tables are bit-exact with the reference).
/// </summary>
internal static class ALawReference
{
    /// <summary>G.191 <c>alaw_compress</c>.</summary>
    public static byte Encode(short sample)
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
    public static short Decode(byte code)
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
}
