using System.Text;
using Parley.Sip.Messages;

namespace Parley.Sip.Parsing;

public sealed partial class SipParser
{
    private static SipMessage ParseStartLine(ReadOnlySpan<byte> line, List<SipHeader> headers)
    {
        if (line.Length > 4 && Ascii.EqualsIgnoreCase(line[..4], "SIP/"u8))
        {
            return ParseStatusLine(line, headers);
        }

        var sp1 = line.IndexOf((byte)' ');
        if (sp1 <= 0)
        {
            SipThrowHelper.Throw(SipRejectionReason.MalformedStartLine);
        }

        var method = line[..sp1];
        if (!SipSyntax.IsToken(method))
        {
            SipThrowHelper.Throw(SipRejectionReason.InvalidMethod);
        }

        var sp2 = line.LastIndexOf((byte)' ');
        if (sp2 == sp1)
        {
            SipThrowHelper.Throw(SipRejectionReason.MalformedStartLine);
        }

        var version = line[(sp2 + 1)..];
        var uri = line[(sp1 + 1)..sp2];
        if (version.IsEmpty)
        {
            SipThrowHelper.Throw(SipRejectionReason.MalformedStartLine);
        }

        if (uri.IsEmpty || uri.IndexOfAny(" \t"u8) >= 0 || uri[0] == '<')
        {
            SipThrowHelper.Throw(SipRejectionReason.InvalidRequestUri);
        }

        CheckVersion(version);
        return new SipRequest(SipMethods.FromBytes(method), Encoding.UTF8.GetString(uri), headers);
    }

    private static SipResponse ParseStatusLine(ReadOnlySpan<byte> line, List<SipHeader> headers)
    {
        var sp1 = line.IndexOf((byte)' ');
        if (sp1 < 0)
        {
            SipThrowHelper.Throw(SipRejectionReason.MalformedStartLine);
        }

        CheckVersion(line[..sp1]);
        var rest = line[(sp1 + 1)..];
        var sp2 = rest.IndexOf((byte)' ');
        var code = sp2 < 0 ? rest : rest[..sp2];
        long status = 0;
        if (code.Length != 3 || !SipSyntax.TryParseUInt(code, 699, out status) || status < 100)
        {
            SipThrowHelper.Throw(SipRejectionReason.InvalidStatusCode);
        }

        var reason = sp2 < 0 ? string.Empty : Encoding.UTF8.GetString(rest[(sp2 + 1)..]);
        return new SipResponse((int)status, reason, headers);
    }

    private static void CheckVersion(ReadOnlySpan<byte> version)
    {
        if (Ascii.EqualsIgnoreCase(version, "SIP/2.0"u8))
        {
            return;
        }

        SipThrowHelper.Throw(version.Length > 4 && Ascii.EqualsIgnoreCase(version[..4], "SIP/"u8)
            ? SipRejectionReason.UnsupportedVersion
            : SipRejectionReason.MalformedStartLine);
    }

    private static void Validate(SipMessage message)
    {
        var h = message.Headers;
        if (!h.Contains(SipHeaderKind.Via) || !h.Contains(SipHeaderKind.From) || !h.Contains(SipHeaderKind.To)
            || !h.Contains(SipHeaderKind.CallId) || !h.Contains(SipHeaderKind.CSeq))
        {
            SipThrowHelper.Throw(SipRejectionReason.MissingRequiredHeader);
        }

        var cseq = message.CSeq;
        if (message is SipRequest request && !string.Equals(cseq.Method, request.Method, StringComparison.Ordinal))
        {
            SipThrowHelper.Throw(SipRejectionReason.CSeqMethodMismatch);
        }

        if (message.CallId.Length == 0)
        {
            SipThrowHelper.Throw(SipRejectionReason.MissingRequiredHeader);
        }

        var mf = h.Get(SipHeaderKind.MaxForwards);
        if (mf is not null && !SipSyntax.TryParseUInt(mf.RawValue.Span, 255, out _))
        {
            SipThrowHelper.Throw(SipRejectionReason.InvalidMaxForwards);
        }

        _ = message.Vias;
        _ = message.From;
        _ = message.To;
        _ = message.Contacts;
    }
}
