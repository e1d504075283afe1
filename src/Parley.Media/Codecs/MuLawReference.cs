namespace Parley.Media.Codecs;

/// <summary>
/// The ITU-T G.191 reference algorithms of G.711 µ-law, from which <see cref="G711.MuLaw"/> builds its tables
/// (so the tables are bit-exact with the reference).
/// </summary>
internal static class MuLawReference
{
    /// <summary>The reference algorithm, used to build the table (G.191 <c>ulaw_compress</c>).</summary>
    public static byte Encode(short sample)
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
    public static short Decode(byte code)
    {
        var sign = code < 0x80 ? -1 : 1;
        var inverted = ~code & 0xFF;
        var exponent = (inverted >> 4) & 0x07;
        var mantissa = inverted & 0x0F;
        var step = 4 << (exponent + 1);
        var magnitude = (0x80 << exponent) + (step * mantissa) + (step / 2) - (4 * 33);
        return (short)(sign * magnitude);
    }
}
