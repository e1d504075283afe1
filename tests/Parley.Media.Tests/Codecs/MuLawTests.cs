using Parley.Media.Codecs;

namespace Parley.Media.Tests.Codecs;

public sealed class MuLawTests
{
    [Theory]
    [InlineData(0xFF, 0)]
    [InlineData(0x7F, 0)]
    [InlineData(0x80, 32124)]
    [InlineData(0x00, -32124)]
    [InlineData(0xFE, 8)]
    [InlineData(0xCE, 988)]
    public void Decode_ReferenceCodes_GiveTheG191Values(byte code, short expected) =>
        Assert.Equal(expected, G711.MuLaw.Decode(code));

    [Theory]
    [InlineData(0, 0xFF)]
    [InlineData(-1, 0x7F)]
    [InlineData(1000, 0xCE)]
    [InlineData(-1000, 0x4E)]
    [InlineData(32767, 0x80)]
    [InlineData(-32768, 0x00)]
    public void Encode_ReferenceSamples_GiveTheG191Codes(short sample, byte expected) =>
        Assert.Equal(expected, G711.MuLaw.Encode(sample));

    [Fact]
    public void RoundTrip_All256Codes_ComeBackExceptNegativeZero()
    {
        for (var code = 0; code < 256; code++)
        {
            var expected = code == 0x7F ? 0xFF : code;
            Assert.Equal(expected, G711.MuLaw.Encode(G711.MuLaw.Decode((byte)code)));
        }
    }

    [Fact]
    public void Encode_EverySample_IsMonotoneAndWithinHalfAStep()
    {
        var previous = short.MinValue;
        for (int x = short.MinValue; x <= short.MaxValue; x++)
        {
            var decoded = G711.MuLaw.Decode(G711.MuLaw.Encode((short)x));
            Assert.True(decoded >= previous, $"not monotone at {x}");
            Assert.True(Math.Abs(decoded - x) <= Math.Max(516, Math.Abs(x) - 32124 + 512), $"error too large at {x}");
            previous = decoded;
        }
    }

    [Fact]
    public void SpanEncodeAndDecode_MatchTheScalarCodec()
    {
        var samples = new short[163];
        var random = new Random(7);
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)random.Next(short.MinValue, short.MaxValue + 1);
        }

        var codes = new byte[samples.Length];
        var decoded = new short[samples.Length];
        G711.MuLaw.Encode(samples, codes);
        G711.MuLaw.Decode(codes, decoded);

        for (var i = 0; i < samples.Length; i++)
        {
            Assert.Equal(G711.MuLaw.Encode(samples[i]), codes[i]);
            Assert.Equal(G711.MuLaw.Decode(codes[i]), decoded[i]);
        }
    }

    [Fact]
    public void Encode_DestinationTooShort_Throws() =>
        Assert.Throws<ArgumentException>(() => G711.MuLaw.Encode(new short[10], new byte[9]));
}
