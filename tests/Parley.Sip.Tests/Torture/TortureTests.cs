using Parley.Sip.Messages;
using Parley.Sip.Parsing;

namespace Parley.Sip.Tests.Torture;

public sealed class TortureTests
{
    [Theory]
    [MemberData(nameof(Rfc4475ValidMessages.Cases), MemberType = typeof(Rfc4475ValidMessages))]
    [MemberData(nameof(Rfc4475InvalidMessages.Cases), MemberType = typeof(Rfc4475InvalidMessages))]
    [MemberData(nameof(Rfc4475SemanticMessages.Cases), MemberType = typeof(Rfc4475SemanticMessages))]
    [MemberData(nameof(Rfc5118Messages.Cases), MemberType = typeof(Rfc5118Messages))]
    public void Datagram_TortureMessage_GetsTheBehaviourTheRfcExpects(string name, string text, int expected)
    {
        var outcome = TortureJudge.Evaluate(TortureText.Wire(text));

        Assert.True(expected == outcome, $"{name}: expected {expected}, got {outcome}");
    }

    [Theory]
    [MemberData(nameof(Rfc4475ValidMessages.Cases), MemberType = typeof(Rfc4475ValidMessages))]
    [MemberData(nameof(Rfc4475SemanticMessages.Cases), MemberType = typeof(Rfc4475SemanticMessages))]
    [MemberData(nameof(Rfc5118Messages.Cases), MemberType = typeof(Rfc5118Messages))]
    public void RoundTrip_ParsableTortureMessage_PreservesMeaning(string name, string text, int expected)
    {
        _ = expected;
        var parser = new SipParser();
        SipMessage first;
        try
        {
            first = parser.ParseDatagram(TortureText.Wire(text));
        }
        catch (SipParseException)
        {
            return;
        }

        var second = parser.ParseDatagram(first.ToBytes());

        Assert.Equal(first.IsRequest, second.IsRequest);
        if (first is SipRequest r1)
        {
            var r2 = (SipRequest)second;
            Assert.Equal(r1.Method, r2.Method);
            Assert.Equal(r1.RequestUri, r2.RequestUri);
        }
        else
        {
            Assert.Equal(((SipResponse)first).StatusCode, ((SipResponse)second).StatusCode);
            Assert.Equal(((SipResponse)first).ReasonPhrase, ((SipResponse)second).ReasonPhrase);
        }

        Assert.Equal(first.CallId, second.CallId);
        Assert.Equal(first.CSeq, second.CSeq);
        Assert.Equal(first.From.Tag, second.From.Tag);
        Assert.Equal(first.To.Tag, second.To.Tag);
        Assert.Equal(first.From.Uri.ToString(), second.From.Uri.ToString());
        Assert.Equal(first.Vias.Count, second.Vias.Count);
        for (var i = 0; i < first.Vias.Count; i++)
        {
            Assert.Equal(first.Vias[i].Branch, second.Vias[i].Branch);
            Assert.Equal(first.Vias[i].Host, second.Vias[i].Host);
        }

        Assert.Equal(first.Contacts.Count, second.Contacts.Count);
        Assert.Equal(first.Headers.Count(h => h.Kind != SipHeaderKind.ContentLength), second.Headers.Count(h => h.Kind != SipHeaderKind.ContentLength));
        Assert.Equal(first.Body.ToArray(), second.Body.ToArray());
        Assert.True(name.Length > 0);
    }

    [Fact]
    public void Datagram_ExtraTrailingOctets_AreIgnored()
    {
        // RFC 4475 3.1.1.8 dblreq: a UDP datagram holding a whole REGISTER followed by a second one.
        var one = TortureText.Wire("""
            REGISTER sip:example.com SIP/2.0
            To: sip:j.user@example.com
            From: sip:j.user@example.com;tag=43251j3j324
            Max-Forwards: 8
            I: dblreq.0ha0isndaksdj99sdfafnl3lk233412
            Contact: sip:j.user@host.example.com
            CSeq: 8 REGISTER
            Via: SIP/2.0/UDP 192.0.2.125;branch=z9hG4bKkdjuw23492
            Content-Length: 0


            """);
        var two = TortureText.Wire("""
            INVITE sip:joe@example.com SIP/2.0
            t: sip:joe@example.com
            From: sip:caller@example.net;tag=141334
            Max-Forwards: 8
            Call-ID: dblreq.0ha0isnda977644900765@192.0.2.15
            CSeq: 8 INVITE
            Via: SIP/2.0/UDP 192.0.2.15;branch=z9hG4bKkdjuw380234
            Content-Length: 0


            """);

        var message = (SipRequest)new SipParser().ParseDatagram([.. one, .. two]);

        Assert.Equal(SipMethods.Register, message.Method);
        Assert.Equal("dblreq.0ha0isndaksdj99sdfafnl3lk233412", message.CallId);
        Assert.True(message.Body.IsEmpty);
    }

    [Fact]
    public void Stream_NegativeContentLength_ClosesTheConnection()
    {
        var ex = Assert.Throws<SipParseException>(() => new SipParser().TryParse(TortureText.Wire(Rfc4475InvalidMessages.Ncl), true, out _, out _));

        Assert.Equal(400, ex.StatusCode);
        Assert.True(ex.Reason.ClosesConnection());
    }
}
