using System.Net;
using System.Security.Cryptography.X509Certificates;
using Parley.Sip.Defence;
using Parley.Sip.Stack;

namespace Parley.Server.Sip;

/// <summary>Turns the validated <see cref="SipHostOptions"/> into the stack's options (loading the TLS certificate).</summary>
internal static class SipStackOptionsFactory
{
    public static SipStackOptions Create(SipHostOptions host)
    {
        var options = new SipStackOptions
        {
            BindAddress = IPAddress.Parse(host.Address),
            Port = host.Port,
            TlsPort = host.TlsPort,
            PublicHost = host.PublicHost,
            TlsCertificate = LoadCertificate(host),
            SessionTimers = host.SessionTimers,
        };
        options.Defence = Defence(host.Defence);

        options.Admission = SipAdmissionValidation.ToStack(host.Admission);
        foreach (var root in host.TlsTrustedRoots)
        {
            options.TlsTrustedRoots.Add(X509CertificateLoader.LoadCertificateFromFile(root));
        }

        options.Validate();
        return options;
    }

    /// <summary>The stack's flood and digest-guessing defence from <c>Parley:Sip:Defence</c>.</summary>
    public static SipDefenceOptions Defence(SipDefenceHostOptions host)
    {
        var defence = new SipDefenceOptions
        {
            MaxMessagesPerWindow = host.MaxMessagesPerSecond,
            Window = TimeSpan.FromSeconds(1),
            CoolDown = TimeSpan.FromSeconds(host.CoolDownSeconds),
            TrustLoopback = host.TrustLoopback,
            AuthMaxFailures = host.AuthMaxFailures,
            AuthFailureWindow = TimeSpan.FromSeconds(host.AuthFailureWindowSeconds),
            AuthCoolDown = TimeSpan.FromSeconds(host.AuthCoolDownSeconds),
            AuthMaxAccountsPerSource = host.AuthMaxAccountsPerSource,
            AuthMaxTrackedEntries = host.AuthMaxTrackedEntries,
        };
        foreach (var trusted in host.TrustedAddresses)
        {
            defence.TrustedAddresses.Add(IPAddress.Parse(trusted));
        }

        foreach (var proxy in host.ProxyAddresses)
        {
            defence.ProxyAddresses.Add(IPAddress.Parse(proxy));
        }

        return defence;
    }

    private static X509Certificate2? LoadCertificate(SipHostOptions host)
    {
        if (host.TlsCertificatePath is not { } path)
        {
            return null;
        }

        if (path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".crt", StringComparison.OrdinalIgnoreCase))
        {
            using var pem = host.TlsKeyPath is { } key ? X509Certificate2.CreateFromPemFile(path, key) : X509Certificate2.CreateFromPemFile(path);
            // SslStream on Linux wants a certificate whose key is not ephemeral: round-trip through PKCS#12.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, host.TlsCertificatePassword);
    }
}
