using Parley.Sip.Messages;

namespace Parley.Sip.Stack;

/// <summary>
/// Answers a request the parser rejected without keeping any state: copies the raw Via, From, To, Call-ID and
/// CSeq lines it can find. Returns null when there is no Via to answer to.
/// </summary>
public static class SipStatelessResponder
{
    public static byte[]? BuildResponse(ReadOnlySpan<byte> raw, int statusCode)
    {
        var end = raw.IndexOf("\r\n\r\n"u8);
        var head = end < 0 ? raw[..Math.Min(raw.Length, 8192)] : raw[..end];
        var output = new List<byte>(512);
        output.AddRange(System.Text.Encoding.ASCII.GetBytes($"SIP/2.0 {statusCode} {SipReasonPhrases.Get(statusCode)}\r\n"));
        var hasVia = false;
        var first = head.IndexOf("\r\n"u8);
        if (first < 0)
        {
            return null;
        }

        var rest = head[(first + 2)..];
        while (!rest.IsEmpty)
        {
            var eol = rest.IndexOf("\r\n"u8);
            var line = eol < 0 ? rest : rest[..eol];
            rest = eol < 0 ? default : rest[(eol + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || line.Length > 2048)
            {
                continue;
            }

            var kind = SipHeaderNames.Lookup(line[..colon].TrimEnd(" \t"u8), out var name);
            if (kind is SipHeaderKind.Via or SipHeaderKind.From or SipHeaderKind.To or SipHeaderKind.CallId or SipHeaderKind.CSeq)
            {
                hasVia |= kind == SipHeaderKind.Via;
                output.AddRange(System.Text.Encoding.ASCII.GetBytes(name + ":"));
                output.AddRange(line[(colon + 1)..].ToArray());
                output.Add((byte)'\r');
                output.Add((byte)'\n');
            }
        }

        if (!hasVia)
        {
            return null;
        }

        output.AddRange("Content-Length: 0\r\n\r\n"u8.ToArray());
        return [.. output];
    }
}
