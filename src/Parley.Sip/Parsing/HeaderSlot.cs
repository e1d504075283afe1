namespace Parley.Sip.Parsing;

/// <summary>Offsets of one header line found while scanning, before any allocation.</summary>
internal struct HeaderSlot
{
    public int NameStart;
    public int NameLength;
    public int ValueStart;
    public int ValueEnd;
    public bool Folded;
    public Messages.SipHeaderKind Kind;
}
