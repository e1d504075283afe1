using System.Text;
using Parley.Sip.Messages;
using Parley.Sip.Parsing;
using Parley.Sip.Tests.Torture;

namespace Parley.Sip.Tests.Parsing;

public sealed class SipParserTests
{
    internal const string Invite = """
        INVITE sip:echo@parley.example.com SIP/2.0
        Via: SIP/2.0/TCP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport
        Max-Forwards: 70
        To: <sip:echo@parley.example.com>
        From: "Alice" <sip:alice@example.com>;tag=1928301774
        Call-ID: a84b4c76e66710@pc33.example.com
        CSeq: 314159 INVITE
        Contact: <sip:alice@192.0.2.10:5060;transport=tcp>
        Content-Type: application/sdp
        Content-Length: {len}

        v=0
        o=alice 2890844526 2890844526 IN IP4 192.0.2.10
        s=-
        c=IN IP4 192.0.2.10
        t=0 0
        m=audio 49170 RTP/AVP 0 8 101

        """;

    [Fact]
    public void Parse_EveryPrefixOfAStreamMessage_ConsumesNothing()
    {
        var wire = TortureText.Wire(Invite);
        var parser = new SipParser();
        for (var n = 1; n < wire.Length; n++)
        {
            Assert.False(parser.TryParse(wire.AsSpan(0, n), isStream: true, out var message, out var consumed));
            Assert.Null(message);
            Assert.Equal(0, consumed);
        }

        Assert.True(parser.TryParse(wire, isStream: true, out _, out var all));
        Assert.Equal(wire.Length, all);
    }

    [Fact]
    public void Parse_TwoMessagesInAStream_ParsesThemOneByOne()
    {
        var wire = TortureText.Wire(Invite);
        byte[] stream = [.. "\r\n\r\n"u8, .. wire, .. wire];
        var parser = new SipParser();

        Assert.True(parser.TryParse(stream, true, out var first, out var consumed));
        Assert.True(parser.TryParse(stream.AsSpan(consumed), true, out var second, out var consumed2));

        Assert.Equal(4 + wire.Length, consumed);
        Assert.Equal(wire.Length, consumed2);
        Assert.Equal(first!.CallId, second!.CallId);
    }

    [Fact]
    public void Parse_KeepAliveOnly_ConsumesTheCrlfs()
    {
        Assert.False(new SipParser().TryParse("\r\n\r\n"u8, true, out var message, out var consumed));

        Assert.Null(message);
        Assert.Equal(4, consumed);
    }

    [Fact]
    public void Parse_TypicalInvite_ExposesTypedHeaders()
    {
        var message = (SipRequest)new SipParser().ParseDatagram(TortureText.Wire(Invite));

        Assert.Equal(SipMethods.Invite, message.Method);
        Assert.Equal("echo", message.Uri.User);
        Assert.Equal("z9hG4bK776asdhds", message.TopVia!.Branch);
        Assert.True(message.TopVia.HasRport);
        Assert.Equal("TCP", message.TopVia.Transport);
        Assert.Equal(5060, message.TopVia.Port);
        Assert.Equal("1928301774", message.From.Tag);
        Assert.Equal("Alice", message.From.DisplayName);
        Assert.Null(message.To.Tag);
        Assert.Equal(new SipCSeq(314159, SipMethods.Invite), message.CSeq);
        Assert.Equal(70, message.MaxForwards);
        Assert.Equal("application/sdp", message.ContentType);
        Assert.Equal("tcp", message.Contacts[0].Uri.Parameters.Get("transport"));
        Assert.StartsWith("v=0", Encoding.ASCII.GetString(message.Body.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CompactForms_MapToCanonicalHeaders()
    {
        var wire = TortureText.Wire("""
            OPTIONS sip:a@example.com SIP/2.0
            v: SIP/2.0/UDP h.example.com;branch=z9hG4bK1
            f: <sip:b@example.com>;tag=1
            t: <sip:a@example.com>
            i: compact@h
            CSeq: 1 OPTIONS
            k: replaces, timer
            m: <sip:b@h.example.com>
            l: 0


            """);

        var message = new SipParser().ParseDatagram(wire);

        Assert.Equal("compact@h", message.CallId);
        Assert.Equal(["replaces", "timer"], message.Supported);
        Assert.Contains("Call-ID: compact@h\r\n", Encoding.ASCII.GetString(message.ToBytes()), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Ipv6Via_KeepsBracketsAndPort()
    {
        var wire = TortureText.Wire(Rfc5118Messages.ViaReceivedWithDelim);

        var via = new SipParser().ParseDatagram(wire).TopVia!;

        Assert.Equal("[2001:db8::9:1]", via.Host);
        Assert.Equal(6050, via.Port);
        Assert.Equal("[2001:db8::9:255]", via.Received);
    }

    [Theory]
    [InlineData(nameof(SipParserOptions.MaxMessageSize), 513)]
    [InlineData(nameof(SipParserOptions.MaxHeaderCount), 513)]
    [InlineData(nameof(SipParserOptions.MaxHeaderLength), 513)]
    [InlineData(nameof(SipParserOptions.MaxBodySize), 413)]
    [InlineData(nameof(SipParserOptions.MaxViaCount), 483)]
    public void Parse_OverLimit_ThrowsTypedRejection(string limit, int status)
    {
        var options = limit switch
        {
            nameof(SipParserOptions.MaxMessageSize) => new SipParserOptions { MaxMessageSize = 300 },
            nameof(SipParserOptions.MaxHeaderCount) => new SipParserOptions { MaxHeaderCount = 8 },
            nameof(SipParserOptions.MaxHeaderLength) => new SipParserOptions { MaxHeaderLength = 64 },
            nameof(SipParserOptions.MaxBodySize) => new SipParserOptions { MaxBodySize = 10 },
            _ => new SipParserOptions { MaxViaCount = 1 },
        };
        var text = Invite.Replace("Max-Forwards: 70", "Via: SIP/2.0/UDP second.example.com;branch=z9hG4bK2\nSubject: " + new string('x', 80) + "\nMax-Forwards: 70", StringComparison.Ordinal);

        var ex = Assert.Throws<SipParseException>(() => new SipParser(options).TryParse(TortureText.Wire(text), true, out _, out _));

        Assert.Equal(status, ex.StatusCode);
    }

    [Fact]
    public void Parse_StreamWithoutContentLength_ClosesTheConnection()
    {
        var wire = TortureText.Wire(Rfc4475SemanticMessages.Inv2543);

        var ex = Assert.Throws<SipParseException>(() => new SipParser().TryParse(wire, true, out _, out _));

        Assert.Equal(SipRejectionReason.MissingContentLength, ex.Reason);
        Assert.True(ex.Reason.ClosesConnection());
    }

    [Fact]
    public void Parse_UnboundedGarbageWithoutBlankLine_IsRejectedOnceOverTheLimit()
    {
        var garbage = new byte[70_000];
        garbage.AsSpan().Fill((byte)'A');

        var ex = Assert.Throws<SipParseException>(() => new SipParser().TryParse(garbage, true, out _, out _));

        Assert.Equal(513, ex.StatusCode);
    }

    [Fact]
    public void Serialize_BuiltResponse_WritesContentLengthFromBody()
    {
        var response = new SipResponse(200);
        response.Headers.Add(SipHeaderKind.CallId, "x@y");
        response.Body = "hello"u8.ToArray();

        var text = Encoding.ASCII.GetString(response.ToBytes());

        Assert.Equal("SIP/2.0 200 OK\r\nCall-ID: x@y\r\nContent-Length: 5\r\n\r\nhello", text);
    }
}
