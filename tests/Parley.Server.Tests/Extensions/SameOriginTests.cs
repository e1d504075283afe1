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
}
