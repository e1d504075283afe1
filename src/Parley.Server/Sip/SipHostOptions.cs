using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Parley.Server.Sip;

/// <summary>
/// <c>Parley:Sip</c>: the SIP listeners the server hosts. UDP and TCP on <see cref="Port"/>, TLS on <see cref="TlsPort"/>
/// when <see cref="TlsCertificatePath"/> is set. Validated at start-up.
/// </summary>
public sealed class SipHostOptions
{
    public const string Section = "Parley:Sip";

    /// <summary>Host the SIP listeners at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Address to bind (IPv4 or IPv6 literal). Default 0.0.0.0.</summary>
    [Required]
    public string Address { get; set; } = "0.0.0.0";

    /// <summary>UDP and TCP port; 0 picks a free port (tests). Default 5060.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 5060;

    /// <summary>TLS port, used only with a certificate. Default 5061.</summary>
    [Range(0, 65535)]
    public int TlsPort { get; set; } = 5061;

    /// <summary>PKCS#12 (.pfx/.p12) or PEM certificate file enabling TLS.</summary>
    public string? TlsCertificatePath { get; set; }

    /// <summary>Password of the PKCS#12 file, if any.</summary>
    public string? TlsCertificatePassword { get; set; }

    /// <summary>PEM private key file when <see cref="TlsCertificatePath"/> is a PEM certificate without its key.</summary>
    public string? TlsKeyPath { get; set; }

    /// <summary>
    /// PEM/DER certificate files of extra roots trusted for the TLS servers Parley calls (a carrier's private CA);
    /// the system roots are always trusted and the host name must always match.
    /// </summary>
    public List<string> TlsTrustedRoots { get; set; } = [];

    /// <summary>Host written in Via/Contact (the public name or address); default: the local address towards the peer.</summary>
    public string? PublicHost { get; set; }

    /// <summary>
    /// Suffix of tenant SIP domains: tenant <c>acme</c> is <c>acme.{DomainSuffix}</c>, which is also its digest realm.
    /// Changing it invalidates every stored SIP credential (the HA1 hashes include the realm). Default <c>sip.parley</c>.
    /// </summary>
    [Required]
    [RegularExpression("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$")]
    public string DomainSuffix { get; set; } = "sip.parley";

    [ValidateObjectMembers]
    public SipDefenceHostOptions Defence { get; set; } = new();

    [ValidateObjectMembers]
    public SipRegistrarHostOptions Registrar { get; set; } = new();

    /// <summary>Admission control of new calls (<c>Parley:Sip:Admission</c>).</summary>
    [ValidateObjectMembers]
    public SipAdmissionHostOptions Admission { get; set; } = new();

    /// <summary>Session timers (RFC 4028): <c>IntervalSeconds</c> (1800; 0 = only honour the peer's) and <c>MinimumSeconds</c> (90).</summary>
    public Parley.Sip.Dialogs.SipSessionTimerOptions SessionTimers { get; set; } = new();
}
