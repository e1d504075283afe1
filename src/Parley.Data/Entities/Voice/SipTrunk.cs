using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Voice;

/// <summary>
/// A tenant's SIP trunk to a carrier or PBX. Inbound calls to the tenant's numbers are accepted from its
/// <see cref="AllowedAddresses"/> (CIDR) and/or with its digest credential (HA1 only, like SIP credentials); outbound
/// calls go to <see cref="OutboundHost"/> with the outbound digest password kept encrypted (it must be replayed).
/// </summary>
public sealed class SipTrunk : ITenantOwned, IVersioned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string Name { get; set; }

    /// <summary>Canonical CIDR blocks (IPv4 and IPv6) inbound INVITEs may come from.</summary>
    public List<string> AllowedAddresses { get; set; } = [];

    /// <summary>Digest user name the carrier authenticates inbound INVITEs with (realm: the tenant's SIP domain).</summary>
    public string? InboundUserName { get; set; }

    public string? InboundRealm { get; set; }

    public string? InboundHa1Md5 { get; set; }

    public string? InboundHa1Sha256 { get; set; }

    /// <summary>
    /// E.164 prefixes (<c>+1</c>, <c>+4420</c>) outbound calls through this trunk may go to; empty: any number. A tenant's
    /// outbound call takes the oldest trunk that allows its number, so lists also route by destination.
    /// </summary>
    public List<string> AllowedDestinations { get; set; } = [];

    public string? OutboundHost { get; set; }

    public int OutboundPort { get; set; } = 5060;

    /// <summary><c>udp</c>, <c>tcp</c> or <c>tls</c>.</summary>
    public string OutboundTransport { get; set; } = "udp";

    public string? OutboundUserName { get; set; }

    /// <summary>The outbound digest password, protected with ASP.NET Core data protection.</summary>
    public string? OutboundPasswordProtected { get; set; }

    /// <summary><c>PassThrough</c>, <c>Fixed</c> or <c>CalledNumber</c>.</summary>
    public string CallerIdPolicy { get; set; } = "PassThrough";

    /// <summary>The tenant-owned E.164 number sent as caller ID when <see cref="CallerIdPolicy"/> is <c>Fixed</c>.</summary>
    public string? CallerIdNumber { get; set; }

    /// <summary>Country calling code for national numbers (e.g. <c>1</c>, <c>44</c>).</summary>
    public string? CountryCode { get; set; }

    /// <summary>National (trunk) prefix dropped before the country code is added (e.g. <c>0</c>, <c>1</c>).</summary>
    public string? NationalPrefix { get; set; }

    public int MaxConcurrentCalls { get; set; }

    public int MaxCallsPerSecond { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}
