using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Sip;

/// <summary>A server with a self-signed certificate in <c>Parley:Sip:TlsCertificatePath</c>, TLS on a free port.</summary>
public sealed class SipTlsAppFactory : ParleyAppFactory
{
    public SipTlsAppFactory()
    {
        CertificatePath = Path.Combine(DataDirectory, "sip-tls.pfx");
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=sip.parley.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));
        File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pkcs12, "sip-test"));
    }

    public string CertificatePath { get; }

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Parley:Sip:TlsCertificatePath", CertificatePath),
        new("Parley:Sip:TlsCertificatePassword", "sip-test"),
        new("Parley:Sip:TlsPort", "0"),
    ];
}
