namespace Parley.Sip.Messages;

/// <summary>CSeq: sequence number and method.</summary>
public readonly record struct SipCSeq(long Number, string Method)
{
    public override string ToString() => Number.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + Method;
}
