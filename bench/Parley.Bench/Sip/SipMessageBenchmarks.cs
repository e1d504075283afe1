using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Parley.Sip.Messages;
using Parley.Sip.Parsing;

namespace Parley.Bench.Sip;

/// <summary>Parse and serialize a typical INVITE with SDP (about 900 bytes), as a softphone or SIPp sends it.</summary>
[MemoryDiagnoser]
public class SipMessageBenchmarks
{
    private readonly SipParser _parser = new();
    private readonly ArrayBufferWriter<byte> _writer = new(4096);
    private byte[] _invite = [];
    private SipMessage _parsed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _invite = TypicalInvite();
        _parsed = _parser.ParseDatagram(_invite);
    }

    /// <summary>Parse only: framing, header scan, validation of Via/From/To/CSeq/Call-ID.</summary>
    [Benchmark]
    public SipMessage Parse() => _parser.ParseDatagram(_invite);

    /// <summary>Parse then read what the transaction and dialog layers need.</summary>
    [Benchmark]
    public string ParseAndReadKeys()
    {
        var m = (SipRequest)_parser.ParseDatagram(_invite);
        return m.TopVia!.Branch! + m.From.Tag + m.CallId + m.CSeq.Number;
    }

    /// <summary>Serialize a parsed message into a reused buffer writer.</summary>
    [Benchmark]
    public int Serialize()
    {
        _writer.ResetWrittenCount();
        SipMessageWriter.Write(_parsed, _writer);
        return _writer.WrittenCount;
    }

    /// <summary>The response a UAS builds and writes for the INVITE: 100 Trying.</summary>
    [Benchmark]
    public int BuildAndSerializeTrying()
    {
        _writer.ResetWrittenCount();
        SipMessageWriter.Write(SipMessageFactory.CreateResponse((SipRequest)_parsed, 100), _writer);
        return _writer.WrittenCount;
    }

    internal static byte[] TypicalInvite() => Encoding.ASCII.GetBytes(
        "INVITE sip:echo@192.0.2.1:5060 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5061;branch=z9hG4bK-4711-1-0;rport\r\n" +
        "From: sipp <sip:sipp@192.0.2.10:5061>;tag=4711SIPpTag001\r\n" +
        "To: <sip:echo@192.0.2.1:5060>\r\n" +
        "Call-ID: 1-4711@192.0.2.10\r\n" +
        "CSeq: 1 INVITE\r\n" +
        "Contact: sip:sipp@192.0.2.10:5061\r\n" +
        "Max-Forwards: 70\r\n" +
        "Subject: Performance Test\r\n" +
        "User-Agent: SIPp/3.7\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO\r\n" +
        "Supported: replaces, timer\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: 223\r\n\r\n" +
        "v=0\r\no=user1 53655765 2353687637 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n" +
        "m=audio 6000 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\n");
}
