using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Parley.Sip.Stack;
using Parley.Sip.Tests.Support;

namespace Parley.Sip.Tests.Stack;

/// <summary>Outbound TLS (Parley as UAC) checks the server certificate; the TLS listener keeps accepting phones.</summary>
public sealed class SipStackTlsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly byte[] Sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n"u8.ToArray();

    [Fact]
    public async Task InviteAsync_ServerCertificateNotTrusted_FailsAndIsLogged()
    {
        using var serverCert = TestCertificates.SelfSigned("127.0.0.1", IPAddress.Loopback);
        using var ownCert = TestCertificates.SelfSigned("uac.test", IPAddress.Loopback);
        var logs = new CapturingLoggerFactory();
        await using var uas = Start(serverCert);
        await using var uac = Start(ownCert, logs);

        await Assert.ThrowsAnyAsync<AuthenticationException>(() => uac.InviteAsync(Target(uas, "127.0.0.1"), Sdp, cancellationToken: TestContext.Current.CancellationToken).WaitAsync(Timeout, TestContext.Current.CancellationToken));

        var line = Assert.Single(logs.Lines, l => l.EventId == 1006);
        Assert.Contains("RemoteCertificateChainErrors", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InviteAsync_ServerCertificateUnderAConfiguredRoot_Answers()
    {
        using var serverCert = TestCertificates.SelfSigned("127.0.0.1", IPAddress.Loopback);
        using var ownCert = TestCertificates.SelfSigned("uac.test", IPAddress.Loopback);
        using var trusted = TestCertificates.PublicPart(serverCert);
        await using var uas = Start(serverCert);
        await using var uac = Start(ownCert, trustedRoot: trusted);

        var result = await uac.InviteAsync(Target(uas, "127.0.0.1"), Sdp, cancellationToken: TestContext.Current.CancellationToken).WaitAsync(Timeout, TestContext.Current.CancellationToken);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("TLS", result.Dialog!.Flow.Transport);
    }

    [Fact]
    public async Task InviteAsync_TrustedCertificateForAnotherHost_Fails()
    {
        using var serverCert = TestCertificates.SelfSigned("carrier.example", dns: "carrier.example");
        using var ownCert = TestCertificates.SelfSigned("uac.test", IPAddress.Loopback);
        using var trusted = TestCertificates.PublicPart(serverCert);
        var logs = new CapturingLoggerFactory();
        await using var uas = Start(serverCert);
        await using var uac = Start(ownCert, logs, trusted);

        await Assert.ThrowsAnyAsync<AuthenticationException>(() => uac.InviteAsync(Target(uas, "127.0.0.1"), Sdp, cancellationToken: TestContext.Current.CancellationToken).WaitAsync(Timeout, TestContext.Current.CancellationToken));

        var line = Assert.Single(logs.Lines, l => l.EventId == 1006);
        Assert.Contains("RemoteCertificateNameMismatch", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InviteAsync_CustomValidationCallback_DecidesInsteadOfTheDefault()
    {
        using var serverCert = TestCertificates.SelfSigned("127.0.0.1", IPAddress.Loopback);
        using var ownCert = TestCertificates.SelfSigned("uac.test", IPAddress.Loopback);
        var pinned = serverCert.GetCertHashString();
        await using var uas = Start(serverCert);
        await using var uac = new SipStack(Options(ownCert, o => o.TlsServerCertificateValidation = (_, c, _, _) => c?.GetCertHashString() == pinned), new EchoApplication());
        uac.Start();

        var result = await uac.InviteAsync(Target(uas, "127.0.0.1"), Sdp, cancellationToken: TestContext.Current.CancellationToken).WaitAsync(Timeout, TestContext.Current.CancellationToken);

        Assert.Equal(200, result.StatusCode);
    }

    private static string Target(SipStack uas, string host) =>
        $"sip:echo@{host}:{uas.Listeners.Single(l => l.Transport == "TLS").EndPoint.Port};transport=tls";

    private static SipStack Start(X509Certificate2 certificate, CapturingLoggerFactory? logs = null, X509Certificate2? trustedRoot = null)
    {
        var stack = new SipStack(Options(certificate, o =>
        {
            if (trustedRoot is not null)
            {
                o.TlsTrustedRoots.Add(trustedRoot);
            }
        }), new EchoApplication(), loggerFactory: logs);
        stack.Start();
        return stack;
    }

    private static SipStackOptions Options(X509Certificate2 certificate, Action<SipStackOptions> configure)
    {
        var options = new SipStackOptions { BindAddress = IPAddress.Loopback, Port = 0, TlsPort = 0, TlsCertificate = certificate };
        configure(options);
        return options;
    }
}
