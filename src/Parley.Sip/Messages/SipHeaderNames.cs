using System.Text;

namespace Parley.Sip.Messages;

/// <summary>Canonical header names, compact forms (RFC 3261 §7.3.3 and extensions) and byte lookup.</summary>
public static class SipHeaderNames
{
    private static readonly Entry[] Entries =
    [
        new(SipHeaderKind.Via, "Via", 'v'),
        new(SipHeaderKind.From, "From", 'f'),
        new(SipHeaderKind.To, "To", 't'),
        new(SipHeaderKind.CallId, "Call-ID", 'i'),
        new(SipHeaderKind.CSeq, "CSeq", '\0'),
        new(SipHeaderKind.Contact, "Contact", 'm'),
        new(SipHeaderKind.MaxForwards, "Max-Forwards", '\0'),
        new(SipHeaderKind.ContentLength, "Content-Length", 'l'),
        new(SipHeaderKind.ContentType, "Content-Type", 'c'),
        new(SipHeaderKind.ContentEncoding, "Content-Encoding", 'e'),
        new(SipHeaderKind.Route, "Route", '\0'),
        new(SipHeaderKind.RecordRoute, "Record-Route", '\0'),
        new(SipHeaderKind.Authorization, "Authorization", '\0'),
        new(SipHeaderKind.ProxyAuthorization, "Proxy-Authorization", '\0'),
        new(SipHeaderKind.WwwAuthenticate, "WWW-Authenticate", '\0'),
        new(SipHeaderKind.ProxyAuthenticate, "Proxy-Authenticate", '\0'),
        new(SipHeaderKind.AuthenticationInfo, "Authentication-Info", '\0'),
        new(SipHeaderKind.Expires, "Expires", '\0'),
        new(SipHeaderKind.MinExpires, "Min-Expires", '\0'),
        new(SipHeaderKind.UserAgent, "User-Agent", '\0'),
        new(SipHeaderKind.Server, "Server", '\0'),
        new(SipHeaderKind.Require, "Require", '\0'),
        new(SipHeaderKind.ProxyRequire, "Proxy-Require", '\0'),
        new(SipHeaderKind.Supported, "Supported", 'k'),
        new(SipHeaderKind.Unsupported, "Unsupported", '\0'),
        new(SipHeaderKind.Allow, "Allow", '\0'),
        new(SipHeaderKind.Accept, "Accept", '\0'),
        new(SipHeaderKind.Subject, "Subject", 's'),
        new(SipHeaderKind.Event, "Event", 'o'),
        new(SipHeaderKind.AllowEvents, "Allow-Events", 'u'),
        new(SipHeaderKind.ReferTo, "Refer-To", 'r'),
        new(SipHeaderKind.ReferredBy, "Referred-By", 'b'),
        new(SipHeaderKind.Replaces, "Replaces", '\0'),
        new(SipHeaderKind.SubscriptionState, "Subscription-State", '\0'),
        new(SipHeaderKind.SessionExpires, "Session-Expires", 'x'),
        new(SipHeaderKind.RetryAfter, "Retry-After", '\0'),
        new(SipHeaderKind.Date, "Date", '\0'),
        new(SipHeaderKind.Timestamp, "Timestamp", '\0'),
        new(SipHeaderKind.Warning, "Warning", '\0'),
        new(SipHeaderKind.ContentDisposition, "Content-Disposition", '\0'),
        new(SipHeaderKind.MinSE, "Min-SE", '\0'),
        new(SipHeaderKind.RSeq, "RSeq", '\0'),
        new(SipHeaderKind.RAck, "RAck", '\0'),
        new(SipHeaderKind.Path, "Path", '\0'),
    ];

    private static readonly Entry?[] ByKind = BuildByKind();

    /// <summary>The canonical (long) name of a known header.</summary>
    public static string GetName(SipHeaderKind kind) => ByKind[(int)kind]?.Name ?? throw new ArgumentOutOfRangeException(nameof(kind));

    /// <summary>Canonical name bytes of a known header, for the serializer.</summary>
    internal static ReadOnlySpan<byte> GetNameBytes(SipHeaderKind kind) => ByKind[(int)kind]!.Bytes;

    /// <summary>Finds a header by its full or compact name, ignoring case.</summary>
    public static SipHeaderKind Lookup(ReadOnlySpan<byte> name, out string canonicalName)
    {
        if (name.Length == 1)
        {
            var c = (char)(name[0] | 0x20);
            foreach (var e in Entries)
            {
                if (e.Compact == c)
                {
                    canonicalName = e.Name;
                    return e.Kind;
                }
            }
        }
        else
        {
            foreach (var e in Entries)
            {
                if (e.Bytes.Length == name.Length && Ascii.EqualsIgnoreCase(e.Bytes, name))
                {
                    canonicalName = e.Name;
                    return e.Kind;
                }
            }
        }

        canonicalName = string.Empty;
        return SipHeaderKind.Unknown;
    }

    /// <summary>Finds a header by its full or compact name, ignoring case.</summary>
    public static SipHeaderKind Lookup(string name, out string canonicalName) => Lookup(Encoding.ASCII.GetBytes(name), out canonicalName);

    private static Entry?[] BuildByKind()
    {
        var result = new Entry?[Enum.GetValues<SipHeaderKind>().Length];
        foreach (var e in Entries)
        {
            result[(int)e.Kind] = e;
        }

        return result;
    }

    private sealed class Entry(SipHeaderKind kind, string name, char compact)
    {
        public SipHeaderKind Kind { get; } = kind;

        public string Name { get; } = name;

        public char Compact { get; } = compact;

        public byte[] Bytes { get; } = Encoding.ASCII.GetBytes(name);
    }
}
