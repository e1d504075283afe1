namespace Parley.Sip.Admission;

/// <summary>
/// One admitted call's concurrency slot. The INVITE server transaction holds it until a non-2xx final answer or its end;
/// a 2xx hands it to the dialog, which gives it back when the dialog ends (BYE, CANCEL, timeout, session expiry).
/// <see cref="Release"/> works once; later calls do nothing.
/// </summary>
public sealed class SipAdmissionLease
{
    private readonly SipAdmissionController _controller;
    private int _released;

    internal SipAdmissionLease(SipAdmissionController controller, SipAdmissionGate node, SipAdmissionGate? tenant, SipAdmissionGate? trunk)
    {
        _controller = controller;
        Node = node;
        Tenant = tenant;
        Trunk = trunk;
    }

    internal SipAdmissionGate Node { get; }

    internal SipAdmissionGate? Tenant { get; }

    internal SipAdmissionGate? Trunk { get; }

    public bool IsReleased => Volatile.Read(ref _released) != 0;

    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _controller.Release(this);
        }
    }
}
