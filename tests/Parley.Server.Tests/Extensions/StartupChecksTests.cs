using Microsoft.Extensions.Configuration;
using Parley.Server.Demo;
using Parley.Server.Extensions;

namespace Parley.Server.Tests.Extensions;

/// <summary>
/// The server refuses to start in configurations that would expose plain HTTP or a documented secret, and it sees the
/// addresses it will really listen on however they are given. Each case starts from everything on loopback.
/// </summary>
public sealed class StartupChecksTests
{
    private const string Documented = "Parley:Platform:OperatorPassword";

    public static TheoryData<string> DocumentedExamples => [.. DocumentedSecrets.All];

    [Fact]
    public void EverythingOnLoopback_WithADocumentedSecret_IsAccepted()
    {
        Assert.Empty(Problems((Documented, DocumentedSecrets.OperatorPassword))); // Kestrel's default, http://localhost:5000
        Assert.Empty(Problems(("urls", "http://127.0.0.1:5080;http://[::1]:5080;http://localhost:5081"), (Documented, DocumentedSecrets.OperatorPassword)));
    }

    [Theory]
    [InlineData("urls", "https://0.0.0.0:5443")]
    [InlineData("urls", "https://*:5443")]
    [InlineData("urls", "https://parley.example.com:5443")]
    [InlineData("ASPNETCORE_URLS", "https://[::]:5443")]
    [InlineData("http_ports", "8080")]
    [InlineData("https_ports", "8443")]
    [InlineData("ASPNETCORE_HTTP_PORTS", "8080")]
    [InlineData("ASPNETCORE_HTTPS_PORTS", "8443")]
    [InlineData("Kestrel:Endpoints:Https:Url", "https://0.0.0.0:5443")]
    [InlineData("Parley:Sip:Address", "0.0.0.0")]
    [InlineData("Parley:Media:BindAddress", "::")]
    public void AnAddressOffLoopback_HoweverGiven_RefusesTheDocumentedOperatorPassword(string key, string address)
    {
        var problems = Problems((key, address), (Documented, DocumentedSecrets.OperatorPassword), ("Parley:PublicUrl", "https://cc.example.com"), ("Parley:Http:AllowPlainHttpOnNonLoopback", "true"));

        var problem = Assert.Single(problems);
        Assert.Contains(Documented, problem, StringComparison.Ordinal);
        Assert.Contains(key, problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DocumentedExamples))]
    public void EveryDocumentedExample_IsRefusedOffLoopback_InAnySecretSetting(string secret)
    {
        foreach (var key in new[] { "Parley:Demo:AdminPassword", "Parley:Demo:ApiClientSecret", "Parley:Demo:SipPassword", "Parley:Metrics:ScrapeToken", Documented })
        {
            Assert.Contains(Problems(("Parley:Sip:Address", "0.0.0.0"), (key, secret)), p => p.StartsWith(key, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void UrlsWinOverPorts_AsKestrelReadsThem() =>
        Assert.Empty(Problems(("urls", "http://127.0.0.1:5080"), ("ASPNETCORE_HTTP_PORTS", "8080"), (Documented, DocumentedSecrets.OperatorPassword)));

    [Fact]
    public void KestrelEndpointsWinOverUrls_AsKestrelReadsThem()
    {
        Assert.Empty(Problems(("urls", "https://0.0.0.0:5443"), ("Kestrel:Endpoints:Local:Url", "http://127.0.0.1:5080"), (Documented, DocumentedSecrets.OperatorPassword)));
        Assert.NotEmpty(Problems(("urls", "http://127.0.0.1:5080"), ("Kestrel:Endpoints:Https:Url", "https://0.0.0.0:5443"), (Documented, DocumentedSecrets.OperatorPassword)));
    }

    [Fact]
    public void SipSwitchedOff_DoesNotCountItsAddress() =>
        Assert.Empty(Problems(("Parley:Sip:Enabled", "false"), ("Parley:Sip:Address", "0.0.0.0"), (Documented, DocumentedSecrets.OperatorPassword)));

    [Fact]
    public void OwnSecretsOffLoopback_WithHttpsAndAPublicUrl_AreAccepted() =>
        Assert.Empty(Problems(
            ("Kestrel:Endpoints:Https:Url", "https://0.0.0.0:5443"), ("Parley:PublicUrl", "https://cc.example.com"), ("Parley:Sip:Address", "0.0.0.0"),
            ("Parley:Demo:Enabled", "true"), ("Parley:Demo:AdminPassword", "Own-Admin-Secret-1"), (Documented, "Own-Operator-Secret-1")));

    [Fact]
    public void HttpOffLoopback_WithoutAPublicUrl_IsRefused_NamingTheSetting()
    {
        var problem = Assert.Single(Problems(("urls", "https://0.0.0.0:5443")));
        Assert.Contains("Parley:PublicUrl", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainHttpOnAllInterfaces_IsRefused_NamingTheSetting()
    {
        var problem = Assert.Single(Problems(("urls", "http://0.0.0.0:5080"), ("Parley:PublicUrl", "https://cc.example.com")));
        Assert.Contains("Parley:Http:AllowPlainHttpOnNonLoopback", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainHttpOnAllPortsGivenByHttpPorts_IsRefused() =>
        Assert.Contains(Problems(("http_ports", "8080"), ("Parley:PublicUrl", "https://cc.example.com")), p => p.Contains("http://*:8080", StringComparison.Ordinal));

    [Fact]
    public void PlainHttpBehindATlsProxy_IsAcceptedWhenDeclared() =>
        Assert.Empty(Problems(("urls", "http://+:5080"), ("Parley:Http:AllowPlainHttpOnNonLoopback", "true"), ("Parley:PublicUrl", "https://cc.example.com")));

    [Fact]
    public void PlainHttpOnTheMetricsManagementPort_IsAccepted() =>
        Assert.Empty(Problems(("urls", "http://127.0.0.1:5080;http://10.0.0.5:9100"), ("Parley:Metrics:ManagementPort", "9100")));

    /// <summary>The configuration with everything on loopback, then <paramref name="settings"/>.</summary>
    private static IReadOnlyList<string> Problems(params (string Key, string Value)[] settings) =>
        StartupChecks.FindProblems(Configuration([("Parley:Sip:Address", "127.0.0.1"), ("Parley:Media:BindAddress", "127.0.0.1"), .. settings]));

    /// <summary>Later settings win, as a later configuration source would.</summary>
    private static IConfiguration Configuration((string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
