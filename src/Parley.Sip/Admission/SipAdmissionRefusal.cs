namespace Parley.Sip.Admission;

/// <summary>Why a new call was answered 503: which limit was full.</summary>
public enum SipAdmissionRefusal
{
    None,
    NodeConcurrency,
    NodeRate,
    TenantConcurrency,
    TenantRate,
    TrunkConcurrency,
    TrunkRate,

    /// <summary>The node takes no new calls (<see cref="ISipAvailability"/>: it is draining).</summary>
    NodeDraining,
}
