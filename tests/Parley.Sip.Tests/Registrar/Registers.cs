using Parley.Sip.Messages;
using Parley.Sip.Tests.Support;

namespace Parley.Sip.Tests.Registrar;

/// <summary>REGISTER requests for sip:echo@parley.test with chosen Call-ID, CSeq, Contact and Expires.</summary>
internal static class Registers
{
    public const string Aor = "sip:echo@parley.test";
    public const string DeskPhone = "<sip:alice@192.0.2.10:5062>";
    public const string SoftPhone = "<sip:alice@192.0.2.11:5070>";

    public static SipRequest Register(string callId = "call-1@test", long cseq = 1, string? contact = DeskPhone, string? expires = null)
    {
        var request = TestMessages.Request("REGISTER", branch: "z9hG4bK" + Guid.NewGuid().ToString("N"), callId: callId, cseq: cseq);
        request.Headers.RemoveAll(SipHeaderKind.Contact);
        if (contact is not null)
        {
            request.Headers.Add(SipHeaderKind.Contact, contact);
        }

        if (expires is not null)
        {
            request.Headers.Add(SipHeaderKind.Expires, expires);
        }

        return request;
    }
}
