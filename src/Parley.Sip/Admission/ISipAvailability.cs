namespace Parley.Sip.Admission;

/// <summary>
/// Whether this node takes new calls now, asked by the stack before it admits a new (out-of-dialog) INVITE and when it
/// answers an out-of-dialog OPTIONS. A node that does not (it is draining before a restart) answers both with 503 and
/// <c>Retry-After</c>, so a dispatcher probing with OPTIONS takes it out of rotation and a caller's INVITE fails over to
/// another node; requests inside live dialogs (re-INVITE, BYE, REFER, INFO…) are never refused. Must be quick and must
/// not block (a flag read).
/// </summary>
public interface ISipAvailability
{
    bool AcceptsNewCalls { get; }
}
