using System.Globalization;

namespace Parley.Sip.Messages;

/// <summary>Builds responses (RFC 3261 §8.2.6) and ACKs for non-2xx finals (§17.1.1.3).</summary>
public static class SipMessageFactory
{
    /// <summary>Creates a response copying Via, From, To, Call-ID and CSeq; adds the To tag for codes above 100.</summary>
    public static SipResponse CreateResponse(SipRequest request, int statusCode, string? reasonPhrase = null, string? toTag = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = new List<SipHeader>(8);
        foreach (var h in request.Headers)
        {
            switch (h.Kind)
            {
                case SipHeaderKind.Via:
                case SipHeaderKind.From:
                case SipHeaderKind.CallId:
                case SipHeaderKind.CSeq:
                    headers.Add(h);
                    break;
                case SipHeaderKind.To:
                    headers.Add(statusCode > 100 && toTag is not null && request.To.Tag is null
                        ? new SipHeader(SipHeaderKind.To, h.Value + ";tag=" + toTag)
                        : h);
                    break;
                case SipHeaderKind.Timestamp when statusCode == 100:
                    headers.Add(h);
                    break;
                default:
                    break;
            }
        }

        return new SipResponse(statusCode, reasonPhrase ?? SipReasonPhrases.Get(statusCode), headers);
    }

    /// <summary>ACK for a non-2xx final response, sent by the INVITE client transaction.</summary>
    public static SipRequest CreateNon2xxAck(SipRequest invite, SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(invite);
        ArgumentNullException.ThrowIfNull(response);
        var ack = new SipRequest(SipMethods.Ack, invite.RequestUri);
        ack.Headers.Add(new SipHeader(SipHeaderKind.Via, invite.TopVia!.ToString()));
        ack.Headers.Add(SipHeaderKind.MaxForwards, "70");
        ack.Headers.Add(invite.Headers.Get(SipHeaderKind.From)!);
        ack.Headers.Add(response.Headers.Get(SipHeaderKind.To)!);
        ack.Headers.Add(invite.Headers.Get(SipHeaderKind.CallId)!);
        ack.Headers.Add(SipHeaderKind.CSeq, invite.CSeq.Number.ToString(CultureInfo.InvariantCulture) + " ACK");
        foreach (var h in invite.Headers)
        {
            if (h.Kind == SipHeaderKind.Route)
            {
                ack.Headers.Add(h);
            }
        }

        return ack;
    }

    /// <summary>A new RFC 3261 branch.</summary>
    public static string NewBranch() => SipVia.MagicCookie + Guid.NewGuid().ToString("N")[..16];

    /// <summary>A new tag.</summary>
    public static string NewTag() => Guid.NewGuid().ToString("N")[..10];
}
