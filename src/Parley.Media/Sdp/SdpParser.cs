using System.Globalization;
using System.Text;

namespace Parley.Media.Sdp;

/// <summary>
/// Parses SDP (RFC 4566). Lenient where real peers are sloppy (LF-only line ends, missing <c>t=</c>,
/// unknown line types are skipped), strict where a wrong guess would send media to the wrong place.
/// Malformed input throws <see cref="SdpException"/> and nothing else.
/// </summary>
public static class SdpParser
{
    public const int MaxLength = 64 * 1024;
    public const int MaxMediaStreams = 16;

    public static SessionDescription Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            SdpThrow.Error(SdpError.TooLarge, "SDP body exceeds the size limit.");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(utf8);
        }
        catch (DecoderFallbackException ex)
        {
            throw new SdpException(SdpError.MalformedLine, "SDP is not valid UTF-8: " + ex.Message);
        }

        return Parse(text);
    }

    public static bool TryParse(string text, out SessionDescription? description, out SdpError error)
    {
        try
        {
            description = Parse(text);
            error = default;
            return true;
        }
        catch (SdpException ex)
        {
            description = null;
            error = ex.Error;
            return false;
        }
    }

    public static SessionDescription Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            SdpThrow.Error(SdpError.Empty, "SDP body is empty.");
        }

        if (text.Length > MaxLength)
        {
            SdpThrow.Error(SdpError.TooLarge, "SDP body exceeds the size limit.");
        }

        SessionDescription? session = null;
        SdpMedia? media = null;
        var sawVersion = false;
        var sawSessionName = false;
        var lineNumber = 0;
        foreach (var rawRange in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(rawRange.Start.Value, rawRange.End.Value - rawRange.Start.Value).TrimEnd('\r');
            lineNumber++;
            if (line.IsEmpty)
            {
                continue;
            }

            if (line.Length < 2 || line[1] != '=' || !char.IsAsciiLetterLower(line[0]))
            {
                SdpThrow.Error(SdpError.MalformedLine, $"SDP line {lineNumber} is not of the form x=value.");
            }

            var type = line[0];
            var value = line[2..];
            if (!sawVersion)
            {
                if (type != 'v')
                {
                    SdpThrow.Error(SdpError.MissingVersion, "SDP must start with v=.");
                }

                if (!value.SequenceEqual("0"))
                {
                    SdpThrow.Error(SdpError.UnsupportedVersion, "Only SDP version 0 is supported.");
                }

                sawVersion = true;
                continue;
            }

            if (session is null)
            {
                if (type != 'o')
                {
                    SdpThrow.Error(SdpError.MissingOrigin, "SDP must have o= right after v=.");
                }

                session = new SessionDescription(ParseOrigin(value));
                continue;
            }

            switch (type)
            {
                case 's':
                    session.SessionName = value.ToString();
                    sawSessionName = true;
                    break;
                case 'c':
                    var connection = ParseConnection(value);
                    if (media is null)
                    {
                        session.Connection = connection;
                    }
                    else
                    {
                        media.Connection = connection;
                    }

                    break;
                case 'b':
                    (media?.Bandwidths ?? session.Bandwidths).Add(value.ToString());
                    break;
                case 't':
                    if (media is null)
                    {
                        session.Timings.Add(value.ToString());
                    }

                    break;
                case 'a':
                    var attribute = ParseAttribute(value);
                    (media?.Attributes ?? session.Attributes).Add(attribute);
                    break;
                case 'm':
                    if (session.Media.Count == MaxMediaStreams)
                    {
                        SdpThrow.Error(SdpError.TooManyMediaStreams, "Too many m= lines.");
                    }

                    media = ParseMedia(value);
                    session.Media.Add(media);
                    break;
                default:
                    // i=, u=, e=, p=, r=, z=, k= and unknown types carry nothing we act on (RFC 4566 §5: ignore unknown).
                    break;
            }
        }

        if (!sawVersion)
        {
            SdpThrow.Error(SdpError.MissingVersion, "SDP must start with v=.");
        }

        if (session is null)
        {
            SdpThrow.Error(SdpError.MissingOrigin, "SDP has no o= line.");
        }

        if (!sawSessionName)
        {
            SdpThrow.Error(SdpError.MissingSessionName, "SDP has no s= line.");
        }

        foreach (var m in session.Media)
        {
            if (!m.IsRejected && session.ConnectionFor(m) is null)
            {
                SdpThrow.Error(SdpError.MissingConnection, "A media stream has no c= line at session or media level.");
            }
        }

        return session;
    }

    private static SdpOrigin ParseOrigin(ReadOnlySpan<char> value)
    {
        Span<Range> parts = stackalloc Range[7];
        if (value.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries) != 6
            || !ulong.TryParse(value[parts[1]], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !ulong.TryParse(value[parts[2]], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            SdpThrow.Error(SdpError.MalformedOrigin, "o= must have six fields with numeric session id and version.");
            return null!;
        }

        return new SdpOrigin(value[parts[0]].ToString(), id, version, value[parts[3]].ToString(), value[parts[4]].ToString(), value[parts[5]].ToString());
    }

    private static SdpConnection ParseConnection(ReadOnlySpan<char> value)
    {
        Span<Range> parts = stackalloc Range[4];
        if (value.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries) != 3 || value[parts[2]].IsEmpty)
        {
            SdpThrow.Error(SdpError.MalformedConnection, "c= must be '<nettype> <addrtype> <address>'.");
        }

        var address = value[parts[2]];
        var slash = address.IndexOf('/');
        if (slash >= 0)
        {
            address = address[..slash];
        }

        var addrType = value[parts[1]];
        if (!addrType.SequenceEqual("IP4") && !addrType.SequenceEqual("IP6"))
        {
            SdpThrow.Error(SdpError.MalformedConnection, "c= address type must be IP4 or IP6.");
        }

        return new SdpConnection(value[parts[0]].ToString(), addrType.ToString(), address.ToString());
    }

    private static SdpMedia ParseMedia(ReadOnlySpan<char> value)
    {
        Span<Range> parts = stackalloc Range[MaxFormats + 4];
        var count = value.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries);
        if (count < 3 || count > MaxFormats + 3)
        {
            SdpThrow.Error(SdpError.MalformedMedia, "m= must be '<media> <port> <proto> <fmt> ...'.");
        }

        var portField = value[parts[1]];
        int? portCount = null;
        var slash = portField.IndexOf('/');
        if (slash >= 0)
        {
            if (!int.TryParse(portField[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var pc) || pc <= 0)
            {
                SdpThrow.Error(SdpError.MalformedMedia, "m= port count is not a number.");
            }

            portCount = pc;
            portField = portField[..slash];
        }

        if (!int.TryParse(portField, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            SdpThrow.Error(SdpError.MalformedMedia, "m= port is not a number in 0..65535.");
        }

        var media = new SdpMedia(value[parts[0]].ToString(), port, value[parts[2]].ToString()) { PortCount = portCount };
        for (var i = 3; i < count; i++)
        {
            var fmt = value[parts[i]];
            if (media.IsRtpAvp && (!int.TryParse(fmt, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) || pt > 127))
            {
                SdpThrow.Error(SdpError.MalformedMedia, "RTP/AVP formats must be payload type numbers 0..127.");
            }

            media.Formats.Add(fmt.ToString());
        }

        return media;
    }

    private const int MaxFormats = 64;

    private static SdpAttribute ParseAttribute(ReadOnlySpan<char> value)
    {
        var colon = value.IndexOf(':');
        var name = colon < 0 ? value : value[..colon];
        if (name.IsEmpty || name.ContainsAny(' ', '\t'))
        {
            SdpThrow.Error(SdpError.MalformedAttribute, "a= attribute name is empty or has spaces.");
        }

        return new SdpAttribute(name.ToString(), colon < 0 ? null : value[(colon + 1)..].ToString());
    }
}
