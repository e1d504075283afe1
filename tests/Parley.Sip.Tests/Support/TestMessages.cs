using Parley.Sip.Messages;
using Parley.Sip.Parsing;
using Parley.Sip.Tests.Torture;

namespace Parley.Sip.Tests.Support;

/// <summary>Small valid requests for layer tests.</summary>
public static class TestMessages
{
    public static SipRequest Request(string method, string branch = "z9hG4bKtest1", string callId = "call-1@test", long cseq = 1, string? toTag = null) =>
        (SipRequest)new SipParser().ParseDatagram(TortureText.Wire($"""
            {method} sip:echo@parley.test SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.10:5062;branch={branch};rport
            Max-Forwards: 70
            From: <sip:alice@example.com>;tag=from1
            To: <sip:echo@parley.test>{(toTag is null ? string.Empty : ";tag=" + toTag)}
            Call-ID: {callId}
            CSeq: {cseq} {method}
            Contact: <sip:alice@192.0.2.10:5062>
            Content-Length: 0


            """));

    public static SipResponse ResponseTo(SipRequest request, int status, string? toTag = "to1") =>
        new SipParser().ParseDatagram(SipMessageFactory.CreateResponse(request, status, toTag: toTag).ToBytes()) as SipResponse
        ?? throw new InvalidOperationException();
}
