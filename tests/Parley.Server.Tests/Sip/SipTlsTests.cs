using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Parley.Sip.Stack;

namespace Parley.Server.Tests.Sip;

/// <summary>With a certificate configured the server also listens for SIP over TLS and answers on it.</summary>
public sealed class SipTlsTests(SipTlsAppFactory factory) : IClassFixture<SipTlsAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TlsListener_IsBound_AndAnswersOptions()
    {
        using var client = factory.CreateAnonymousClient();
        using var ready = await client.GetAsync("/health/ready", Ct);
        var tls = Assert.Single(factory.Services.GetRequiredService<SipStack>().Listeners, l => l.Transport == "TLS");
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(tls.EndPoint.Address, tls.EndPoint.Port, Ct);
        await using var stream = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
        await stream.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "sip.parley.test" }, Ct);

        var options = "OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TLS 127.0.0.1:5999;branch=z9hG4bKtls1\r\nMax-Forwards: 70\r\n" +
            "From: <sip:probe@127.0.0.1>;tag=t1\r\nTo: <sip:ping@127.0.0.1>\r\nCall-ID: tls-options-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(options), Ct);
        var buffer = new byte[4096];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var read = await stream.ReadAsync(buffer, timeout.Token);

        Assert.Equal(200, (int)ready.StatusCode);
        Assert.StartsWith("SIP/2.0 200", Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
    }
}
