using System.Globalization;
using Parley.Sip.Parsing;

namespace Parley.Sip.Messages;

/// <summary>A SIP request or response: headers plus an opaque body. Typed accessors parse lazily and cache.</summary>
public abstract class SipMessage
{
    private List<SipVia>? _vias;
    private SipNameAddress? _from;
    private SipNameAddress? _to;
    private SipCSeq? _cseq;
    private string? _callId;
    private List<SipNameAddress>? _contacts;

    private protected SipMessage(List<SipHeader>? headers)
    {
        Headers = new SipHeaderCollection(this, headers ?? new List<SipHeader>(12));
    }

    public SipHeaderCollection Headers { get; }

    /// <summary>Message body (SDP, multipart, ...) as opaque bytes.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    public abstract bool IsRequest { get; }

    /// <summary>All Via values, top first.</summary>
    public IReadOnlyList<SipVia> Vias => _vias ??= ParseVias();

    /// <summary>Top Via, or null when there is none.</summary>
    public SipVia? TopVia => Vias.Count > 0 ? Vias[0] : null;

    public SipNameAddress From => _from ??= ParseAddress(SipHeaderKind.From);

    public SipNameAddress To => _to ??= ParseAddress(SipHeaderKind.To);

    public string CallId => _callId ??= Headers.GetValue(SipHeaderKind.CallId) ?? throw new SipParseException(SipRejectionReason.MissingRequiredHeader);

    public SipCSeq CSeq => _cseq ??= ParseCSeq(Headers.Get(SipHeaderKind.CSeq) ?? throw new SipParseException(SipRejectionReason.MissingRequiredHeader));

    /// <summary>All Contact values (empty when absent).</summary>
    public IReadOnlyList<SipNameAddress> Contacts => _contacts ??= ParseAddressList(SipHeaderKind.Contact);

    public IReadOnlyList<SipNameAddress> Routes => ParseAddressList(SipHeaderKind.Route);

    public IReadOnlyList<SipNameAddress> RecordRoutes => ParseAddressList(SipHeaderKind.RecordRoute);

    /// <summary>RFC 3327 Path of a REGISTER, the first proxy (nearest the registrar) first.</summary>
    public IReadOnlyList<SipNameAddress> Paths => ParseAddressList(SipHeaderKind.Path);

    public int? MaxForwards => ParseInt(SipHeaderKind.MaxForwards);

    public int? Expires => ParseInt(SipHeaderKind.Expires);

    public int? ContentLength => ParseInt(SipHeaderKind.ContentLength);

    public string? ContentType => Headers.GetValue(SipHeaderKind.ContentType);

    public string? UserAgent => Headers.GetValue(SipHeaderKind.UserAgent);

    public string? Authorization => Headers.GetValue(SipHeaderKind.Authorization);

    public string? WwwAuthenticate => Headers.GetValue(SipHeaderKind.WwwAuthenticate);

    public IReadOnlyList<string> Require => ParseTokenList(SipHeaderKind.Require);

    public IReadOnlyList<string> ProxyRequire => ParseTokenList(SipHeaderKind.ProxyRequire);

    public IReadOnlyList<string> Supported => ParseTokenList(SipHeaderKind.Supported);

    /// <summary>Methods the sender accepts (Allow), e.g. to know whether a session refresh may use UPDATE.</summary>
    public IReadOnlyList<string> Allow => ParseTokenList(SipHeaderKind.Allow);

    /// <summary>Serializes the message (Content-Length is always written from the body).</summary>
    public byte[] ToBytes() => SipMessageWriter.ToBytes(this);

    public override string ToString() => System.Text.Encoding.UTF8.GetString(ToBytes());

    internal void OnHeadersChanged()
    {
        _vias = null;
        _from = null;
        _to = null;
        _cseq = null;
        _callId = null;
        _contacts = null;
    }

    internal static SipCSeq ParseCSeq(SipHeader header)
    {
        var v = header.RawValue.IsEmpty ? System.Text.Encoding.UTF8.GetBytes(header.Value) : header.RawValue.Span;
        var sp = v.IndexOfAny((byte)' ', (byte)'\t');
        if (sp <= 0 || !SipSyntax.TryParseUInt(v[..sp], int.MaxValue, out var number))
        {
            return SipThrowHelper.Throw<SipCSeq>(SipRejectionReason.InvalidCSeq);
        }

        var method = v[sp..].Trim(" \t"u8);
        if (!SipSyntax.IsToken(method))
        {
            return SipThrowHelper.Throw<SipCSeq>(SipRejectionReason.InvalidCSeq);
        }

        return new SipCSeq(number, SipMethods.FromBytes(method));
    }

    private List<SipVia> ParseVias()
    {
        var list = new List<SipVia>(2);
        foreach (var h in Headers)
        {
            if (h.Kind == SipHeaderKind.Via)
            {
                SipVia.ParseList(h.Value, list);
            }
        }

        return list;
    }

    private SipNameAddress ParseAddress(SipHeaderKind kind) =>
        SipNameAddress.Parse(Headers.GetValue(kind) ?? throw new SipParseException(SipRejectionReason.MissingRequiredHeader));

    private List<SipNameAddress> ParseAddressList(SipHeaderKind kind)
    {
        var list = new List<SipNameAddress>(1);
        foreach (var h in Headers)
        {
            if (h.Kind == kind)
            {
                SipNameAddress.ParseList(h.Value, list);
            }
        }

        return list;
    }

    private List<string> ParseTokenList(SipHeaderKind kind)
    {
        var list = new List<string>(2);
        foreach (var h in Headers)
        {
            if (h.Kind == kind)
            {
                foreach (var part in h.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    list.Add(part);
                }
            }
        }

        return list;
    }

    private int? ParseInt(SipHeaderKind kind)
    {
        var v = Headers.GetValue(kind);
        if (v is null)
        {
            return null;
        }

        return SipSyntax.TryParseUInt(v.AsSpan().Trim(" \t"), int.MaxValue, out var n) ? (int)n
            : int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : null;
    }
}
