using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Extensions;

/// <summary>
/// A cookie-authenticated request that changes state is refused when a browser says it came from another site; the
/// same site, non-browser clients and bearer-token requests are served.
/// </summary>
public sealed class SameOriginTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task ACrossSitePost_WithTheSignInCookie_Is403_AndChangesNothing(string header, string value)
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var id = (await admin.CreateUserAsync(Names.Unique("victim"), "agent")).GetProperty("id").GetGuid();
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/users/{id}");
        request.Headers.Add(header, value);
        using var refused = await admin.SendAsync(request, Ct);
        await refused.ExpectAsync(403);
        Assert.Equal("Cross-site request refused", (await refused.ReadJsonAsync()).GetProperty("title").GetString());
        await admin.GetJsonAsync($"/api/v1/users/{id}");
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Origin", "http://localhost")]
    [InlineData(null, null)]
    public async Task ASameSitePost_OrOneWithoutBrowserHeaders_IsServed(string? header, string? value)
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var id = (await admin.CreateUserAsync(Names.Unique("unlocked"), "agent")).GetProperty("id").GetGuid();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/users/{id}/unlock");
        if (header is not null)
        {
            request.Headers.Add(header, value);
        }

        using var response = await admin.SendAsync(request, Ct);
        await response.ExpectAsync(204);
    }

    [Fact]
    public async Task ABearerTokenRequest_IsServed_WhateverItsOrigin()
    {
        using var api = factory.CreateBearerClient(await factory.GetDemoTokenAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/skills") { Content = System.Net.Http.Json.JsonContent.Create(new { name = Names.Unique("skill") }) };
        request.Headers.Add("Origin", "https://integration.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var response = await api.SendAsync(request, Ct);
        await response.ExpectAsync(201);
    }

    [Theory]
    [InlineData("/hubs/routing", "Origin", "https://evil.example")]
    [InlineData("/hubs/agent", "Origin", "http://localhost:9999")]
    [InlineData("/hubs/routing", "Sec-Fetch-Site", "same-site")]
    [InlineData("/_blazor", "Sec-Fetch-Site", "cross-site")]
    public async Task ACrossSiteWebSocketHandshake_WithTheSignInCookie_Is403(string path, string header, string value)
    {
        using var supervisor = await factory.SignInDemoAsync("admin");
        using var refused = await supervisor.SendAsync(WebSocketHandshake(path, header, value), Ct);
        await refused.ExpectAsync(403);
        Assert.Equal("Cross-site request refused", (await refused.ReadJsonAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task ASameOriginWebSocketHandshake_IsNotRefusedAsCrossSite()
    {
        using var supervisor = await factory.SignInDemoAsync("admin");
        using var response = await supervisor.SendAsync(WebSocketHandshake("/hubs/routing", "Sec-Fetch-Site", "same-origin"), Ct);
        Assert.NotEqual(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static HttpRequestMessage WebSocketHandshake(string path, string header, string value)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new System.Net.Http.Headers.ProductHeaderValue("websocket"));
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
        request.Headers.Add(header, value);
        return request;
    }
}
