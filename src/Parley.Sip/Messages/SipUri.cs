using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Parley.Sip.Parsing;

namespace Parley.Sip.Messages;

/// <summary>
/// A URI as used by SIP. sip: and sips: URIs are fully parsed (user, password, host incl. IPv6 references,
/// port, parameters, headers); other schemes (tel:, http:, ...) keep their scheme-specific part opaque.
/// </summary>
public sealed class SipUri
{
    private SipUri(string scheme)
    {
        Scheme = scheme;
    }

    /// <summary>Scheme in lower case (sip, sips, tel, ...).</summary>
    public string Scheme { get; }

    /// <summary>True for sip: and sips:.</summary>
    public bool IsSip => Scheme is "sip" or "sips";

    public string? User { get; private set; }

    public string? Password { get; private set; }

    /// <summary>Host; IPv6 references keep their brackets (RFC 5118).</summary>
    public string Host { get; private set; } = string.Empty;

    public int? Port { get; private set; }

    public SipParameters Parameters { get; private set; } = new();

    /// <summary>Raw "?"-headers part without the question mark, or null.</summary>
    public string? Headers { get; private set; }

    /// <summary>For non-SIP schemes, everything after the colon.</summary>
    public string? Opaque { get; private set; }

    /// <summary>Builds a sip: URI.</summary>
    public static SipUri Create(string? user, string host, int? port = null, string scheme = "sip") =>
        new(scheme) { User = user, Host = host, Port = port };

    /// <summary>Parses a URI, throwing <see cref="SipParseException"/> with <see cref="SipRejectionReason.InvalidAddress"/> on error.</summary>
    public static SipUri Parse(string text) => Parse(text, SipRejectionReason.InvalidAddress);

    /// <summary>Parses a URI; returns false on error.</summary>
    public static bool TryParse(string text, out SipUri? uri)
    {
        try
        {
            uri = Parse(text, SipRejectionReason.InvalidAddress);
            return true;
        }
        catch (SipParseException)
        {
            uri = null;
            return false;
        }
    }

    internal static SipUri Parse(string text, SipRejectionReason reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(text[0]))
        {
            return SipThrowHelper.Throw<SipUri>(reason);
        }

        for (var i = 1; i < colon; i++)
        {
            var c = text[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not '+' and not '-' and not '.')
            {
                return SipThrowHelper.Throw<SipUri>(reason);
            }
        }

        foreach (var c in text)
        {
            if (c <= ' ' || c == 0x7f)
            {
                return SipThrowHelper.Throw<SipUri>(reason);
            }
        }

        var schemeText = text.AsSpan(0, colon);
        var scheme = schemeText.Equals("sip", StringComparison.OrdinalIgnoreCase) ? "sip"
            : schemeText.Equals("sips", StringComparison.OrdinalIgnoreCase) ? "sips"
            : schemeText.Equals("tel", StringComparison.OrdinalIgnoreCase) ? "tel"
            : schemeText.ToString().ToLowerInvariant();
        var uri = new SipUri(scheme);
        if (!uri.IsSip)
        {
            uri.Opaque = text[(colon + 1)..];
            if (uri.Opaque.Length == 0)
            {
                SipThrowHelper.Throw(reason);
            }

            return uri;
        }

        var rest = text.AsSpan(colon + 1);
        var at = rest.IndexOf('@');
        var index = colon + 1;
        if (at >= 0)
        {
            var userInfo = rest[..at];
            var pw = userInfo.IndexOf(':');
            uri.User = (pw < 0 ? userInfo : userInfo[..pw]).ToString();
            uri.Password = pw < 0 ? null : userInfo[(pw + 1)..].ToString();
            if (uri.User.Length == 0)
            {
                SipThrowHelper.Throw(reason);
            }

            index += at + 1;
        }

        index = ParseHostPort(text, index, reason, out var host, out var port);
        uri.Host = host;
        uri.Port = port;
        uri.Parameters = SipParameters.Parse(text, ref index, "?", reason);
        if (index < text.Length)
        {
            uri.Headers = text[(index + 1)..];
        }

        return uri;
    }

    /// <summary>Parses host[:port] starting at index; returns the index after it.</summary>
    internal static int ParseHostPort(string text, int index, SipRejectionReason reason, out string host, out int? port)
    {
        var start = index;
        if (index < text.Length && text[index] == '[')
        {
            var close = text.IndexOf(']', index);
            if (close < 0 || !IPAddress.TryParse(text.AsSpan(index + 1, close - index - 1), out var v6)
                || v6.AddressFamily != AddressFamily.InterNetworkV6 || text.AsSpan(index + 1, close - index - 1).Contains(":::", StringComparison.Ordinal))
            {
                host = string.Empty;
                port = null;
                return SipThrowHelper.Throw<int>(reason);
            }

            index = close + 1;
        }
        else
        {
            while (index < text.Length && (char.IsAsciiLetterOrDigit(text[index]) || text[index] is '-' or '.' or '_'))
            {
                index++;
            }

            if (index == start)
            {
                host = string.Empty;
                port = null;
                return SipThrowHelper.Throw<int>(reason);
            }
        }

        host = text[start..index];
        port = null;
        if (index < text.Length && text[index] == ':')
        {
            var portStart = ++index;
            while (index < text.Length && char.IsAsciiDigit(text[index]))
            {
                index++;
            }

            if (!SipSyntax.TryParseUInt(text.AsSpan(portStart, index - portStart), 65535, out var p))
            {
                return SipThrowHelper.Throw<int>(reason);
            }

            port = (int)p;
        }

        if (index < text.Length && text[index] is not ';' and not '?' and not ' ' and not '\t' and not '>')
        {
            return SipThrowHelper.Throw<int>(reason);
        }

        return index;
    }

    public override string ToString()
    {
        if (!IsSip)
        {
            return Scheme + ":" + Opaque;
        }

        var sb = new StringBuilder(64).Append(Scheme).Append(':');
        if (User is not null)
        {
            sb.Append(User);
            if (Password is not null)
            {
                sb.Append(':').Append(Password);
            }

            sb.Append('@');
        }

        sb.Append(Host);
        if (Port is { } p)
        {
            sb.Append(':').Append(p.ToString(CultureInfo.InvariantCulture));
        }

        Parameters.AppendTo(sb);
        if (Headers is not null)
        {
            sb.Append('?').Append(Headers);
        }

        return sb.ToString();
    }
}
