using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Parley.Sip.Tests.Support;

/// <summary>Self-signed server certificates for TLS tests (valid for a day, with the given IP/DNS names).</summary>
public static class TestCertificates
{
    public static X509Certificate2 SelfSigned(string commonName, IPAddress? ip = null, string? dns = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        if (ip is not null)
        {
            names.AddIpAddress(ip);
        }

        if (dns is not null)
        {
            names.AddDnsName(dns);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = TimeProvider.System.GetUtcNow();
        using var cert = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }

    /// <summary>The public part only, as a peer would configure it as a trusted root.</summary>
    public static X509Certificate2 PublicPart(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadCertificate(certificate.RawData);
}
