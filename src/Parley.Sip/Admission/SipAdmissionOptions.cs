using System.Net;
using Parley.Sip.Messages;

namespace Parley.Sip.Admission;

/// <summary>
/// Admission control for new calls. The library's defaults admit everything (no limit set); the server sets the node's
/// limits from <c>Parley:Sip:Admission</c>.
/// </summary>
public sealed class SipAdmissionOptions
{
    /// <summary>Check new INVITEs at all. Default true (with no limit set nothing is refused).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The node's calls-per-second bucket and concurrent-call cap. Default: none.</summary>
    public SipAdmissionLimit Node { get; set; } = new();

    /// <summary>Each tenant's limit unless <see cref="Tenants"/> names it. Default: none.</summary>
    public SipAdmissionLimit PerTenant { get; set; } = new();

    /// <summary>Limits of named tenants (keys as <see cref="SipAdmissionScope.Tenant"/>, case-insensitive).</summary>
    public IDictionary<string, SipAdmissionLimit> Tenants { get; } = new Dictionary<string, SipAdmissionLimit>(StringComparer.OrdinalIgnoreCase);

    /// <summary>A trunk's limit when its scope brings none. Default: none.</summary>
    public SipAdmissionLimit PerTrunk { get; set; } = new();

    /// <summary>The <c>Retry-After</c> of a 503 (whole seconds on the wire). Default 1 s.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Tenants and trunks tracked before idle ones are forgotten. Default 10,000.</summary>
    public int MaxTrackedScopes { get; set; } = 10_000;

    /// <summary>Refused INVITE transactions remembered (for 64*T1) so that a retransmission is refused again without consulting a limit. Default 4,096.</summary>
    public int RefusedMemorySlots { get; set; } = 4_096;

    /// <summary>
    /// Maps a new INVITE (and its source) to its tenant and trunk before any state is kept. Must be quick and must not
    /// block (an in-memory lookup); null counts every call against the node only.
    /// </summary>
    public Func<SipRequest, IPEndPoint, SipAdmissionScope>? ScopeResolver { get; set; }

    public void Validate()
    {
        Node.Validate("Admission:Node");
        PerTenant.Validate("Admission:PerTenant");
        PerTrunk.Validate("Admission:PerTrunk");
        foreach (var (tenant, limit) in Tenants)
        {
            limit.Validate("Admission:Tenants:" + tenant);
        }

        if (RetryAfter < TimeSpan.FromSeconds(1) || RetryAfter > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(RetryAfter), RetryAfter, "Admission:RetryAfter must be between 1 s and 1 h.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTrackedScopes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(RefusedMemorySlots, 1);
    }
}
