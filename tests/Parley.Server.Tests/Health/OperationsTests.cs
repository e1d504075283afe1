using System.Net.Http.Json;
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
    public async Task BadRequests_AreProblemDetailsInTheClientsTerms_WithTheSecurityHeaders()
    {
        using var admin = await factory.SignInDemoAsync("admin");

        // Malformed JSON: the exception handler answers, after clearing the failed request's headers.
        using var malformed = await admin.PostAsync("/api/v1/interactions", new StringContent("{\"queueId\":", System.Text.Encoding.UTF8, "application/json"), Ct);
        await malformed.ExpectAsync(400);
        Assert.Equal("application/problem+json", malformed.ContentType());
        Assert.Equal(("nosniff", "DENY"), (Header(malformed, "X-Content-Type-Options"), Header(malformed, "X-Frame-Options")));
        Assert.Contains("frame-ancestors 'none'", Header(malformed, "Content-Security-Policy"), StringComparison.Ordinal);

        // No body at all: said plainly, not in the framework's words.
        using var empty = await admin.PostAsync("/api/v1/interactions", new StringContent("", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal("This request needs a JSON body.", (await (await empty.ExpectAsync(400)).ReadJsonAsync()).GetProperty("detail").GetString());

        // A field outside its allowed words: keyed by its JSON name, the words listed.
        using var badChannel = await admin.PostAsJsonAsync("/api/v1/interactions", new { queueId = Guid.NewGuid(), channel = "Fax" }, Ct);
        var errors = (await (await badChannel.ExpectAsync(400)).ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("channel must be one of Voice, Video, Chat, Email, Messaging.", errors.GetProperty("channel")[0].GetString());
        Assert.False(errors.TryGetProperty("Channel", out _));
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
