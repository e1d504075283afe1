using Parley.Media.Codecs;

namespace Parley.Media.Tests.Codecs;

public sealed class ALawTests
{
    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    [InlineData(0xD4, 24)]
    public void Decode_ReferenceCodes_GiveTheG191Values(byte code, short expected) =>
        Assert.Equal(expected, G711.ALaw.Decode(code));

    [Theory]
    [InlineData(0, 0xD5)]
    [InlineData(-1, 0x55)]
    [InlineData(1000, 0xFA)]
    [InlineData(32767, 0xAA)]
    [InlineData(-32768, 0x2A)]
    public void Encode_ReferenceSamples_GiveTheG191Codes(short sample, byte expected) =>
        Assert.Equal(expected, G711.ALaw.Encode(sample));

    [Fact]
    public void RoundTrip_All256Codes_ComeBack()
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.Equal(code, G711.ALaw.Encode(G711.ALaw.Decode((byte)code)));
        }
    }

    [Fact]
    public void Encode_EverySample_IsMonotoneAndWithinHalfAStep()
    {
        var previous = short.MinValue;
        for (int x = short.MinValue; x <= short.MaxValue; x++)
        {
            var decoded = G711.ALaw.Decode(G711.ALaw.Encode((short)x));
            Assert.True(decoded >= previous, $"not monotone at {x}");
            Assert.True(Math.Abs(decoded - x) <= 512, $"error too large at {x}");
            previous = decoded;
        }
    }

    [Fact]
    public void G711Dispatch_UsesTheNegotiatedLaw()
    {
        short[] samples = [0, 1000, -1000];
        var mu = new byte[3];
        var a = new byte[3];

        G711.Encode(AudioCodec.Pcmu, samples, mu);
        G711.Encode(AudioCodec.Pcma, samples, a);

        Assert.Equal([G711.MuLaw.Encode(0), G711.MuLaw.Encode(1000), G711.MuLaw.Encode(-1000)], mu);
        Assert.Equal([G711.ALaw.Encode(0), G711.ALaw.Encode(1000), G711.ALaw.Encode(-1000)], a);
        Assert.Equal(0, G711.MuLaw.Decode(G711.Silence(AudioCodec.Pcmu)));
        Assert.Equal(8, G711.ALaw.Decode(G711.Silence(AudioCodec.Pcma)));
    }
}
