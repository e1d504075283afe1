using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Parley.Sip.Admission;
using Parley.Sip.Defence;
using Parley.Sip.Parsing;
using Parley.Sip.Transactions;

namespace Parley.Sip.Stack;

/// <summary>Listeners, identity and limits of a <see cref="SipStack"/>. Bind from configuration (e.g. Parley:Sip).</summary>
public sealed class SipStackOptions
{
    /// <summary>Address the listeners bind to. Default 0.0.0.0.</summary>
    public IPAddress BindAddress { get; set; } = IPAddress.Any;

    /// <summary>UDP and TCP port; 0 picks a free port (tests). Default 5060.</summary>
    public int Port { get; set; } = 5060;

    public bool EnableUdp { get; set; } = true;

    public bool EnableTcp { get; set; } = true;

    /// <summary>
    /// Threads blocked in recvfrom on the UDP socket; each datagram goes to one of them, messages of one call are still
    /// processed one at a time. Default: the processor count, at least 2 and at most 8.
    /// </summary>
    public int UdpReceiveThreads { get; set; } = Math.Clamp(Environment.ProcessorCount, 2, 8);

    /// <summary>TLS port, used only when <see cref="TlsCertificate"/> is set. Default 5061.</summary>
    public int TlsPort { get; set; } = 5061;

    /// <summary>Server certificate (with private key) enabling TLS.</summary>
    public X509Certificate2? TlsCertificate { get; set; }

    /// <summary>
    /// Extra trust anchors for the certificates of TLS servers Parley connects to, on top of the system's roots
    /// (a private CA, or a peer's self-signed certificate). The host name must still match. Empty by default.
    /// </summary>
    public X509Certificate2Collection TlsTrustedRoots { get; } = [];

    /// <summary>
    /// Replaces the default check of TLS server certificates (system chain + host name, plus <see cref="TlsTrustedRoots"/>)
    /// when set, e.g. to pin a carrier's certificate. A refusal is logged (event 1006). Null by default.
    /// </summary>
    public RemoteCertificateValidationCallback? TlsServerCertificateValidation { get; set; }

    /// <summary>Host written in Via and Contact; defaults to the local address that routes to the peer.</summary>
    public string? PublicHost { get; set; }

    /// <summary>User-Agent and Server header value. Default "Parley".</summary>
    public string UserAgent { get; set; } = "Parley";

    public SipParserOptions Parser { get; set; } = new();

    public SipTimerOptions Timers { get; set; } = new();

    public SipDefenceOptions Defence { get; set; } = new();

    /// <summary>Admission control of new INVITEs (node, tenant and trunk limits). Default: no limit.</summary>
    public SipAdmissionOptions Admission { get; set; } = new();

    /// <summary>
    /// Asked whether the node takes new calls (a draining node does not: new INVITEs and out-of-dialog OPTIONS are
    /// answered 503 with the admission's <c>Retry-After</c>). Null (default): always.
    /// </summary>
    public ISipAvailability? Availability { get; set; }

    /// <summary>Session timers (RFC 4028): interval asked for and granted, and the minimum accepted.</summary>
    public Dialogs.SipSessionTimerOptions SessionTimers { get; set; } = new();

    /// <summary>Throws when the options cannot work.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(BindAddress);
        ArgumentOutOfRangeException.ThrowIfNegative(Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535);
        ArgumentOutOfRangeException.ThrowIfNegative(TlsPort);
        ArgumentOutOfRangeException.ThrowIfLessThan(UdpReceiveThreads, 1);
        if (!EnableUdp && !EnableTcp && TlsCertificate is null)
        {
            throw new ArgumentException("At least one SIP transport must be enabled.");
        }

        if (TlsCertificate is { HasPrivateKey: false })
        {
            throw new ArgumentException("The SIP TLS certificate needs its private key.");
        }

        Parser.Validate();
        Admission.Validate();
        Defence.Validate();
        SessionTimers.Validate();
    }
}
