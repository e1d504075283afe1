using Parley.Sip.Messages;
using Parley.Sip.Parsing;
using Parley.Sip.Tests.Torture;

namespace Parley.Sip.Tests.Admission;

/// <summary>Requests of one call for admission tests: its Call-ID, branch and the host (tenant) it calls.</summary>
internal static class AdmissionMessages
{
    public static SipRequest Invite(string call, string host = "parley.test", string? branch = null) =>
        Request("INVITE", call, host, branch ?? "z9hG4bK" + call, cseq: 1);

    public static SipRequest Cancel(string call, string host = "parley.test") =>
        Request("CANCEL", call, host, "z9hG4bK" + call, cseq: 1);

    public static SipRequest Ack(string call, string toTag, string host = "parley.test") =>
        Request("ACK", call, host, "z9hG4bKack" + call, cseq: 1, toTag);

    public static SipRequest Bye(string call, string toTag, string host = "parley.test") =>
        Request("BYE", call, host, "z9hG4bKbye" + call, cseq: 2, toTag);

    public static SipRequest ReInvite(string call, string toTag, string host = "parley.test") =>
        Request("INVITE", call, host, "z9hG4bKre" + call, cseq: 2, toTag);

    /// <summary>An OPTIONS: out of dialog (a dispatcher's probe) without <paramref name="toTag"/>, in the dialog with it.</summary>
    public static SipRequest Options(string call, string? toTag = null, string host = "parley.test") =>
        Request("OPTIONS", call, host, "z9hG4bKopt" + call, cseq: 3, toTag);

    private static SipRequest Request(string method, string call, string host, string branch, long cseq, string? toTag = null) =>
        (SipRequest)new SipParser().ParseDatagram(TortureText.Wire($"""
            {method} sip:support@{host} SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.10:5062;branch={branch};rport
            Max-Forwards: 70
            From: <sip:alice@example.com>;tag=from-{call}
            To: <sip:support@{host}>{(toTag is null ? string.Empty : ";tag=" + toTag)}
            Call-ID: {call}@test
            CSeq: {cseq} {method}
            Contact: <sip:alice@192.0.2.10:5062>
            Content-Length: 0


            """));
}
