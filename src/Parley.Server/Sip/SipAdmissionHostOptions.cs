using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Parley.Server.Sip;

/// <summary>
/// <c>Parley:Sip:Admission</c>: admission control of new calls (out-of-dialog INVITEs) before any transaction state is
/// kept. The excess is answered <c>503</c> with <c>Retry-After</c> at once; in-dialog requests and CANCEL are never shed.
/// </summary>
public sealed class SipAdmissionHostOptions
{
    /// <summary>Check new INVITEs at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The node's new calls per second (token bucket refill); 0 = no rate limit. Default 100.</summary>
    [Range(0, 1_000_000)]
    public double CallsPerSecond { get; set; } = 100;

    /// <summary>The node's bucket capacity; 0 = one second of <see cref="CallsPerSecond"/>. Default 0.</summary>
    [Range(0, 1_000_000)]
    public int Burst { get; set; }

    /// <summary>Calls the node holds at once (ringing or answered); 0 = no cap. Default 2,000.</summary>
    [Range(0, 10_000_000)]
    public int MaxConcurrentCalls { get; set; } = 2_000;

    /// <summary>Seconds in the 503's <c>Retry-After</c>. Default 1.</summary>
    [Range(1, 3_600)]
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Each tenant's limit unless <see cref="Tenants"/> names it. Default: none (only the node's).</summary>
    [ValidateObjectMembers]
    public SipAdmissionLimitHostOptions PerTenant { get; set; } = new();

    /// <summary>
    /// Limits of named tenants, keyed by tenant slug (<c>Parley:Sip:Admission:Tenants:acme:CallsPerSecond</c>); checked by
    /// <see cref="SipHostOptionsValidator"/> (the generated validator does not follow dictionary values).
    /// </summary>
    public Dictionary<string, SipAdmissionLimitHostOptions> Tenants { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A trunk's limit when the trunk itself sets none. Default: none.</summary>
    [ValidateObjectMembers]
    public SipAdmissionLimitHostOptions PerTrunk { get; set; } = new();

    /// <summary>Tenants and trunks tracked before idle ones are forgotten. Default 10,000.</summary>
    [Range(1, 10_000_000)]
    public int MaxTrackedScopes { get; set; } = 10_000;
}
