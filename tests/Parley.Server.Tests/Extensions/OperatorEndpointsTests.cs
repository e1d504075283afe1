using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Extensions;

/// <summary>
/// <c>/metrics</c> is for the operator: loopback clients by default, elsewhere only on the management port or with the
/// scrape token; <c>/openapi</c> and <c>/scalar</c> can be turned off.
/// </summary>
public sealed class OperatorEndpointsTests(OperatorEndpointsTests.ManagedAppFactory factory) : IClassFixture<OperatorEndpointsTests.ManagedAppFactory>
{
    private const string Token = "scrape-token-0123456789abcdef0123456789";
    private const int ManagementPort = 9100;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_AreServedToLoopback_AndRefusedToAnyoneElseByDefault()
    {
        await using var plain = new ConfiguredAppFactory();
        using var client = plain.CreateAnonymousClient();

        Assert.Equal(200, await StatusAsync(client, "/metrics", peer: null));
        Assert.Equal(403, await StatusAsync(client, "/metrics", peer: "198.51.100.30"));
        Assert.Equal(403, await StatusAsync(client, "/metrics/", peer: "198.51.100.30"));
    }

    [Fact]
    public async Task AScraperElsewhere_IsServedWithTheToken_AndRefusedWithoutOrWithAWrongOne()
    {
        using var client = factory.CreateAnonymousClient();

        Assert.Equal(200, await StatusAsync(client, "/metrics", peer: "198.51.100.31", token: Token));
        Assert.Equal(401, await StatusAsync(client, "/metrics", peer: "198.51.100.31", token: Token + "x"));
        Assert.Equal(401, await StatusAsync(client, "/metrics", peer: "198.51.100.31"));
    }

    [Fact]
    public async Task TheManagementPort_ServesMetricsAndHealthToAnyone_AndNothingElse()
    {
        using var client = factory.CreateAnonymousClient();

        Assert.Equal(200, await StatusAsync(client, "/metrics", peer: "10.9.0.5", localPort: ManagementPort));
        Assert.Equal(200, await StatusAsync(client, "/health/live", peer: "10.9.0.5", localPort: ManagementPort));
        Assert.Equal(404, await StatusAsync(client, "/sign-in", peer: "10.9.0.5", localPort: ManagementPort));
        Assert.Equal(404, await StatusAsync(client, "/api/v1/auth/me", peer: "10.9.0.5", localPort: ManagementPort));
        Assert.Equal(401, await StatusAsync(client, "/metrics", peer: "10.9.0.5", localPort: 443));
    }

    [Fact]
    public async Task AClientForwardedByALoopbackProxy_IsNotTakenForLoopback()
    {
        using var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", "203.0.113.40");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task OpenApiAndScalar_AreServedByDefault_AndCanBeTurnedOff()
    {
        await using var on = new ConfiguredAppFactory();
        using var served = on.CreateAnonymousClient();
        Assert.Equal(200, await StatusAsync(served, "/openapi/v1.json", peer: null));
        Assert.Equal(200, await StatusAsync(served, "/scalar/", peer: null));

        using var client = factory.CreateAnonymousClient();
        Assert.Equal(404, await StatusAsync(client, "/openapi/v1.json", peer: null));
        Assert.Equal(404, await StatusAsync(client, "/scalar/", peer: null));
    }

    [Fact]
    public async Task Scalar_ShowsNoDeveloperTools_SoNoButtonLeadsOffThisServer()
    {
        await using var on = new ConfiguredAppFactory();
        using var client = on.CreateAnonymousClient();

        // On loopback Scalar shows Configure, Share, Generate SDK and Deploy unless its configuration says "never".
        var page = await client.GetStringAsync(new Uri("/scalar/", UriKind.Relative), Ct);

        Assert.Contains("\"showDeveloperTools\":\"never\"", page, StringComparison.Ordinal);
        Assert.Contains("\"hideClientButton\":true", page, StringComparison.Ordinal);
    }

    private static async Task<int> StatusAsync(HttpClient client, string path, string? peer, string? token = null, int? localPort = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (peer is not null)
        {
            request.Headers.Add(LoopbackPeerStartupFilter.PeerHeader, peer);
        }

        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        if (localPort is { } port)
        {
            request.Headers.Add(LoopbackPeerStartupFilter.LocalPortHeader, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using var response = await client.SendAsync(request, Ct);
        return (int)response.StatusCode;
    }

    /// <summary>Scrape token, management port, API reference off, and a proxy on loopback.</summary>
    public sealed class ManagedAppFactory : ParleyAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Parley:Metrics:ScrapeToken", Token),
            new("Parley:Metrics:ManagementPort", ManagementPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Parley:Http:OpenApiEnabled", "false"),
            new("Parley:Http:ScalarEnabled", "false"),
            new("Parley:Http:KnownProxies:0", "127.0.0.1"),
        ];
    }
}
