using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Parley.Sip.Logging;

namespace Parley.Sip.Transport;

/// <summary>
/// Judges the certificate a TLS server shows when Parley connects out (UAC): the system's verdict (chain to a system
/// root, host name against the target host) unless a custom callback replaces it; a chain that fails only because its
/// root is unknown to the system is accepted when it ends at one of the configured extra roots. Never "accept all".
/// </summary>
internal sealed class SipTlsServerValidator(X509Certificate2Collection trustedRoots, RemoteCertificateValidationCallback? custom, ILogger logger)
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1", "Server Authentication");

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var accepted = custom?.Invoke(sender, certificate, chain, errors) ?? ByDefault(certificate, chain, errors);
        if (!accepted)
        {
            SipLog.TlsServerCertificateRefused(logger, (sender as SslStream)?.TargetHostName ?? "?", certificate?.Subject ?? "(none)", errors);
        }

        return accepted;
    }

    private bool ByDefault(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // A name mismatch or a missing certificate is final; only an untrusted chain may be rescued by our own roots.
        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || trustedRoots.Count == 0 || certificate is null)
        {
            return false;
        }

        using var ours = new X509Chain();
        ours.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        ours.ChainPolicy.CustomTrustStore.AddRange(trustedRoots);
        ours.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // as SslStream's default check mode
        ours.ChainPolicy.ApplicationPolicy.Add(ServerAuthentication);
        if (chain is not null)
        {
            ours.ChainPolicy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
            foreach (var element in chain.ChainElements)
            {
                ours.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        if (certificate is X509Certificate2 leaf)
        {
            return ours.Build(leaf);
        }

        using var copy = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return ours.Build(copy);
    }
}
