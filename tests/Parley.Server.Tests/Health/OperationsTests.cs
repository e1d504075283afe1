using System.Text.Json;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Health;

/// <summary>What operators and their tooling see: health probes, metrics, the API description, security headers.</summary>
public sealed class OperationsTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthProbes_AnswerHealthyWithoutCredentials(string url)
    {
        using var client = factory.CreateAnonymousClient();
        using var response = await client.GetAsync(url, Ct);
        await response.ExpectAsync(200);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Metrics_ArePrometheusTextWithHttpRequestSeries()
    {
        using var client = factory.CreateAnonymousClient();
        await (await client.GetAsync("/health/live", Ct)).ExpectAsync(200);
        using var response = await client.GetAsync("/metrics", Ct);
        await response.ExpectAsync(200);
        Assert.Equal("text/plain", response.ContentType());
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("http_request", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_IsJsonDescribingTheApiAndItsSecurity()
    {
        using var client = factory.CreateAnonymousClient();
        using var response = await client.GetAsync("/openapi/v1.json", Ct);
        await response.ExpectAsync(200);
        var document = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(Ct));
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains(paths, p => p.StartsWith("/api/v1/users", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("/api/v1/audit", StringComparison.Ordinal));
        Assert.DoesNotContain("/connect/token", paths);
    }

    [Fact]
    public async Task ApiReferenceAndSignInPage_AreServed()
    {
        using var client = factory.CreateAnonymousClient();
        using var scalar = await client.GetAsync("/scalar/v1", Ct);
        await scalar.ExpectAsync(200);
        Assert.Equal("text/html", scalar.ContentType());
        using var signIn = await client.GetAsync("/sign-in", Ct);
        await signIn.ExpectAsync(200);
        Assert.Equal("text/html", signIn.ContentType());
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/api/v1/users")]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/sign-in")]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(string url)
    {
        using var client = factory.CreateAnonymousClient();
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousCallToTheApi_Is401NotARedirectToTheSignInPage()
    {
        using var client = factory.CreateAnonymousClient();
        using var response = await client.GetAsync("/api/v1/users", Ct);
        await response.ExpectAsync(401);
        Assert.Null(response.Headers.Location);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : $"(no {name})";
}
