using System.Text;
using Parley.Media.Sdp;

namespace Parley.Media.Tests.Sdp;

public sealed class SdpParserTests
{
    [Fact]
    public void Parse_TypicalOffer_ReadsEveryField()
    {
        var sdp = SdpParser.Parse(SdpSamples.Offer);

        Assert.Equal(new SdpOrigin("alice", 2890844526, 2890844526, "IN", "IP4", "198.51.100.7"), sdp.Origin);
        Assert.Equal("198.51.100.7", sdp.Connection!.Address);
        var audio = Assert.Single(sdp.Media);
        Assert.Equal("audio", audio.MediaType);
        Assert.Equal(49170, audio.Port);
        Assert.Equal(["0", "8", "101"], audio.Formats);
        Assert.Equal(20, audio.Ptime);
        Assert.Equal(MediaDirection.SendRecv, audio.GetDirection());
        Assert.Equal("0-16", audio.GetFormatParameters(101));
        Assert.True(audio.TryGetRtpMap(101, out var te));
        Assert.Equal("telephone-event", te.EncodingName);
    }

    [Fact]
    public void Serialize_ThenParse_PreservesTheDescription()
    {
        var original = SdpParser.Parse(SdpSamples.Offer);

        var text = original.ToString();
        var again = SdpParser.Parse(Encoding.UTF8.GetBytes(text));

        Assert.Equal(text, again.ToString());
        Assert.Equal(SdpSamples.Offer, text);
    }

    [Fact]
    public void Parse_LfOnlyLineEnds_IsAccepted()
    {
        var sdp = SdpParser.Parse(SdpSamples.Offer.Replace("\r\n", "\n", StringComparison.Ordinal));

        Assert.Equal(49170, sdp.Media[0].Port);
    }

    [Fact]
    public void Parse_MediaLevelConnection_OverridesSession()
    {
        var sdp = SdpParser.Parse(SdpSamples.WithMedia("m=audio 4000 RTP/AVP 0\r\nc=IN IP4 192.0.2.1\r\n"));

        Assert.Equal("192.0.2.1", sdp.ConnectionFor(sdp.Media[0])!.Address);
    }

    [Fact]
    public void Parse_IPv6Connection_IsRead()
    {
        var sdp = SdpParser.Parse(SdpSamples.WithMedia("m=audio 4000 RTP/AVP 0\r\n", "c=IN IP6 2001:db8::1\r\n"));

        Assert.Equal("2001:db8::1", sdp.Connection!.Address);
        Assert.Equal("IP6", sdp.Connection.AddressType);
    }

    [Theory]
    [InlineData("", SdpError.Empty)]
    [InlineData("o=a 1 1 IN IP4 1.2.3.4\r\n", SdpError.MissingVersion)]
    [InlineData("v=1\r\n", SdpError.UnsupportedVersion)]
    [InlineData("v=0\r\ns=x\r\n", SdpError.MissingOrigin)]
    [InlineData("v=0\r\no=a one 1 IN IP4 1.2.3.4\r\ns=x\r\n", SdpError.MalformedOrigin)]
    [InlineData("v=0\r\no=a 1 1 IN IP4 1.2.3.4\r\n", SdpError.MissingSessionName)]
    [InlineData("v=0\r\no=a 1 1 IN IP4 1.2.3.4\r\ns=x\r\nc=IN IP4\r\n", SdpError.MalformedConnection)]
    [InlineData("v=0\r\no=a 1 1 IN IP4 1.2.3.4\r\ns=x\r\nc=IN IPX 1.2.3.4\r\n", SdpError.MalformedConnection)]
    [InlineData("v=0\r\no=a 1 1 IN IP4 1.2.3.4\r\ns=x\r\nm=audio 4000 RTP/AVP 0\r\n", SdpError.MissingConnection)]
    [InlineData("v=0\r\no=a 1 1 IN IP4 1.2.3.4\r\ns=x\r\nc=IN IP4 1.2.3.4\r\nm=audio x RTP/AVP 0\r\n", SdpError.MalformedMedia)]
    [InlineData("v=0\r\no=a 1 1 IN IP4 1.2.3.4\r\ns=x\r\nc=IN IP4 1.2.3.4\r\nm=audio 70000 RTP/AVP 0\r\n", SdpError.MalformedMedia)]
    [InlineData("v=0\r\no=a 1 1 IN IP4 1.2.3.4\r\ns=x\r\nc=IN IP4 1.2.3.4\r\nm=audio 4000 RTP/AVP PCMU\r\n", SdpError.MalformedMedia)]
    [InlineData("v=0\r\no=a 1 1 IN IP4 1.2.3.4\r\ns=x\r\nc=IN IP4 1.2.3.4\r\nm=audio 4000\r\n", SdpError.MalformedMedia)]
    [InlineData("v=0\r\no=a 1 1 IN IP4 1.2.3.4\r\ns=x\r\na=:x\r\n", SdpError.MalformedAttribute)]
    [InlineData("v=0\r\no=a 1 1 IN IP4 1.2.3.4\r\ns=x\r\nnonsense\r\n", SdpError.MalformedLine)]
    public void Parse_BadSdp_ThrowsTypedError(string text, SdpError expected)
    {
        var ex = Assert.Throws<SdpException>(() => SdpParser.Parse(text));

        Assert.Equal(expected, ex.Error);
        Assert.Equal(400, ex.SipStatus);
    }

    [Fact]
    public void Parse_RejectedStreamWithoutConnection_IsAccepted()
    {
        var sdp = SdpParser.Parse("v=0\r\no=a 1 1 IN IP4 1.2.3.4\r\ns=x\r\nm=video 0 RTP/AVP 31\r\n");

        Assert.True(sdp.Media[0].IsRejected);
    }

    [Fact]
    public void Parse_EveryPrefixOfAnOffer_ThrowsOnlyTypedErrorsOrSucceeds()
    {
        for (var i = 0; i <= SdpSamples.Offer.Length; i++)
        {
            try
            {
                SdpParser.Parse(SdpSamples.Offer[..i]);
            }
            catch (SdpException)
            {
            }
        }
    }

    [Fact]
    public void Parse_InvalidUtf8_ThrowsTypedError()
    {
        var ex = Assert.Throws<SdpException>(() => SdpParser.Parse([(byte)'v', (byte)'=', 0xFF, 0xFE]));

        Assert.Equal(SdpError.MalformedLine, ex.Error);
    }

    [Fact]
    public void Parse_TooManyMediaLines_ThrowsTypedError()
    {
        var text = SdpSamples.WithMedia(string.Concat(Enumerable.Repeat("m=audio 0 RTP/AVP 0\r\n", SdpParser.MaxMediaStreams + 1)));

        Assert.Equal(SdpError.TooManyMediaStreams, Assert.Throws<SdpException>(() => SdpParser.Parse(text)).Error);
    }

    [Fact]
    public void Parse_UnknownLineTypes_AreIgnored()
    {
        var sdp = SdpParser.Parse(SdpSamples.WithMedia("m=audio 4000 RTP/AVP 0\r\ni=info\r\nk=prompt\r\n"));

        Assert.Single(sdp.Media);
    }
}
