using Microsoft.Extensions.Options;

namespace Parley.Server.Tests.Sip;

public sealed class SipOptionsValidationTests
{
    [Fact]
    public async Task UnusableSipSettings_StopStartUp_NamingTheSettings()
    {
        await using var factory = new InvalidSipOptionsAppFactory();

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.True(validation is not null, $"expected an options validation error, got {error}");
        Assert.Contains("Parley:Sip:Address", validation.Message, StringComparison.Ordinal);
        Assert.Contains("TrustedAddresses", validation.Message, StringComparison.Ordinal);
        Assert.Contains("Parley:Sip:SessionTimers", validation.Message, StringComparison.Ordinal);
        Assert.Contains("Parley:Sip:TlsTrustedRoots", validation.Message, StringComparison.Ordinal);
        Assert.Contains("Parley:Sip:Defence:AuthMaxFailures", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheGuessingSettings_ReachTheStacksDefence()
    {
        var host = new Parley.Server.Sip.SipHostOptions();
        host.Defence.AuthMaxFailures = 4;
        host.Defence.AuthFailureWindowSeconds = 60;
        host.Defence.AuthCoolDownSeconds = 3600;
        host.Defence.AuthMaxAccountsPerSource = 3;
        host.Defence.AuthMaxTrackedEntries = 5000;

        var defence = Parley.Server.Sip.SipStackOptionsFactory.Create(host).Defence;

        Assert.Equal((4, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), 3, 5000),
            (defence.AuthMaxFailures, defence.AuthFailureWindow, defence.AuthCoolDown, defence.AuthMaxAccountsPerSource, defence.AuthMaxTrackedEntries));
    }

    [Fact]
    public void TrustedRootFiles_ReachTheStackAsTrustAnchors()
    {
        using var key = System.Security.Cryptography.ECDsa.Create();
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Carrier Root", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var root = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddDays(30));
        var path = Path.Combine(Path.GetTempPath(), $"parley-root-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, root.ExportCertificatePem());
        try
        {
            var options = Parley.Server.Sip.SipStackOptionsFactory.Create(new Parley.Server.Sip.SipHostOptions { TlsTrustedRoots = [path] });

            var anchor = Assert.Single(options.TlsTrustedRoots);
            Assert.Equal(root.Thumbprint, anchor.Thumbprint);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
