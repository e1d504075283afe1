using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Sip;

/// <summary>
/// One SIP binding the registrar acknowledged: a device (<see cref="ContactUri"/>) reachable for an address of record
/// of the tenant until <see cref="ExpiresAt"/>. Written before the 200 OK, so registrations survive restarts and every
/// node sees them; expired rows are swept.
/// </summary>
public sealed class SipRegistration : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>Canonical address of record, <c>sip:user@{slug}.sip.parley</c>.</summary>
    public required string Aor { get; set; }

    /// <summary>The Contact URI the device registered, where requests for the AOR go.</summary>
    public required string ContactUri { get; set; }

    /// <summary>When the binding lapses unless refreshed (UTC).</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Call-ID of the REGISTER that last wrote the binding (RFC 3261 §10.3 ordering).</summary>
    public required string CallId { get; set; }

    /// <summary>CSeq number of that REGISTER.</summary>
    public long CSeq { get; set; }

    /// <summary>IP address the REGISTER came from.</summary>
    public required string SourceAddress { get; set; }

    public int SourcePort { get; set; }

    /// <summary>UDP, TCP, TLS, WS or WSS.</summary>
    public required string Transport { get; set; }

    public string? UserAgent { get; set; }

    /// <summary>
    /// RFC 3327 Path the REGISTER came through (one name-addr per line, nearest proxy first): requests to the contact
    /// are routed through it, e.g. Kamailio in front of the nodes. Null when the device registered directly.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>The Parley user whose SIP credential authenticated the REGISTER, when known.</summary>
    public Guid? UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
