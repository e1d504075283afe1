namespace Parley.Sip.Admission;

/// <summary>
/// Whom a new call counts against besides the node: its tenant and the trunk it arrived on (either may be null). A trunk
/// brings its own <see cref="TrunkLimit"/>; without one the options' per-trunk default applies.
/// <see cref="TenantCallCap"/> is the tenant's plan: at most that many of its calls at once on this node (0 refuses
/// every call), on top of the configured tenant limit.
/// </summary>
public readonly record struct SipAdmissionScope(string? Tenant = null, string? Trunk = null, SipAdmissionLimit? TrunkLimit = null, int? TenantCallCap = null)
{
    /// <summary>Node limits only.</summary>
    public static SipAdmissionScope NodeOnly => default;
}
