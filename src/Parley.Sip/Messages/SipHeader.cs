using System.Text;

namespace Parley.Sip.Messages;

/// <summary>One header line. The value stays as bytes until someone asks for the text.</summary>
public sealed class SipHeader
{
    private string? _value;

    /// <summary>Creates a header from text (used when building messages).</summary>
    public SipHeader(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        Kind = SipHeaderNames.Lookup(name, out var canonical);
        Name = Kind == SipHeaderKind.Unknown ? name : canonical;
        _value = value;
    }

    /// <summary>Creates a known header from text.</summary>
    public SipHeader(SipHeaderKind kind, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Kind = kind;
        Name = SipHeaderNames.GetName(kind);
        _value = value;
    }

    internal SipHeader(SipHeaderKind kind, string name, ReadOnlyMemory<byte> rawValue)
    {
        Kind = kind;
        Name = name;
        RawValue = rawValue;
    }

    /// <summary>Canonical long name for known headers, the name as received otherwise.</summary>
    public string Name { get; }

    public SipHeaderKind Kind { get; }

    /// <summary>Value bytes as received (folding already collapsed); empty for headers built from text.</summary>
    public ReadOnlyMemory<byte> RawValue { get; }

    /// <summary>Value text (UTF-8), materialised on first use.</summary>
    public string Value => _value ??= Encoding.UTF8.GetString(RawValue.Span);

    internal bool HasRawValue => _value is null || !RawValue.IsEmpty;

    public override string ToString() => Name + ": " + Value;
}
