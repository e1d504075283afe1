using System.Globalization;
using System.Text;
using Parley.Sip.Parsing;

namespace Parley.Sip.Messages;

/// <summary>One Via value: transport, sent-by and parameters (branch, rport, received).</summary>
public sealed class SipVia
{
    /// <summary>The RFC 3261 branch magic cookie.</summary>
    public const string MagicCookie = "z9hG4bK";

    private static readonly string[] KnownTransports = ["UDP", "TCP", "TLS", "WS", "WSS", "SCTP"];

    public SipVia(string transport, string host, int? port, string branch)
    {
        Transport = transport;
        Host = host;
        Port = port;
        Parameters.Set("branch", branch);
    }

    private SipVia()
    {
        Transport = string.Empty;
        Host = string.Empty;
    }

    /// <summary>Transport in upper case (UDP, TCP, TLS, WS, WSS, SCTP or an extension).</summary>
    public string Transport { get; private set; }

    /// <summary>sent-by host (IPv6 references keep brackets).</summary>
    public string Host { get; private set; }

    public int? Port { get; private set; }

    public SipParameters Parameters { get; private set; } = new();

    public string? Branch => Parameters.Get("branch");

    /// <summary>received= parameter (set by us on requests from NATed peers).</summary>
    public string? Received
    {
        get => Parameters.Get("received");
        set
        {
            if (value is null)
            {
                Parameters.Remove("received");
            }
            else
            {
                Parameters.Set("received", value);
            }
        }
    }

    /// <summary>True if an rport parameter is present (with or without value).</summary>
    public bool HasRport => Parameters.Contains("rport");

    /// <summary>Value of rport, or null when absent or empty.</summary>
    public int? Rport
    {
        get => int.TryParse(Parameters.Get("rport"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
        set => Parameters.Set("rport", value?.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>True when the branch carries the RFC 3261 magic cookie.</summary>
    public bool IsRfc3261Branch => Branch?.StartsWith(MagicCookie, StringComparison.Ordinal) == true;

    /// <summary>sent-by as "host:port" (port defaulted by transport when absent).</summary>
    public string SentBy => Host + ":" + (Port ?? (Transport is "TLS" or "WSS" ? 5061 : 5060)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses one Via value (not a comma-separated list).</summary>
    public static SipVia Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const SipRejectionReason r = SipRejectionReason.InvalidVia;
        var via = new SipVia();
        var i = 0;
        var name = ReadToken(text, ref i);
        Expect(text, ref i, '/');
        var version = ReadToken(text, ref i);
        Expect(text, ref i, '/');
        var transport = ReadToken(text, ref i);
        if (!name.Equals("SIP", StringComparison.OrdinalIgnoreCase) || !version.SequenceEqual("2.0"))
        {
            SipThrowHelper.Throw(r);
        }

        via.Transport = InternTransport(transport);
        if (i == 0 || text[i - 1] is not ' ' and not '\t' || i >= text.Length)
        {
            SipThrowHelper.Throw(r);
        }

        i = SipUri.ParseHostPort(text, i, r, out var host, out var port);
        via.Host = host;
        via.Port = port;
        via.Parameters = SipParameters.Parse(text, ref i, string.Empty, r);
        return via;
    }

    internal static void ParseList(string value, List<SipVia> into)
    {
        if (!value.Contains(',', StringComparison.Ordinal))
        {
            into.Add(Parse(value));
            return;
        }

        var parts = new List<string>(1);
        HeaderValueSplitter.Split(value, parts, SipRejectionReason.InvalidVia);
        foreach (var p in parts)
        {
            into.Add(Parse(p));
        }
    }

    public override string ToString()
    {
        var sb = new StringBuilder(64).Append("SIP/2.0/").Append(Transport).Append(' ').Append(Host);
        if (Port is { } p)
        {
            sb.Append(':').Append(p.ToString(CultureInfo.InvariantCulture));
        }

        Parameters.AppendTo(sb);
        return sb.ToString();
    }

    private static string InternTransport(ReadOnlySpan<char> t)
    {
        foreach (var known in KnownTransports)
        {
            if (t.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return t.ToString().ToUpperInvariant();
    }

    private static ReadOnlySpan<char> ReadToken(string text, ref int i)
    {
        SkipWs(text, ref i);
        var start = i;
        while (i < text.Length && SipSyntax.IsTokenChar(text[i]))
        {
            i++;
        }

        if (i == start)
        {
            SipThrowHelper.Throw(SipRejectionReason.InvalidVia);
        }

        var token = text.AsSpan(start, i - start);
        SkipWs(text, ref i);
        return token;
    }

    private static void Expect(string text, ref int i, char c)
    {
        if (i >= text.Length || text[i] != c)
        {
            SipThrowHelper.Throw(SipRejectionReason.InvalidVia);
        }

        i++;
    }

    private static void SkipWs(string text, ref int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }
    }
}
