using System.Net.Http.Json;
using Parley.Domain.Security;
using Parley.Server.Options;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Auth;

/// <summary>OAuth2 client-credentials tokens: issue, use, expiry on the server's clock, wrong secrets, revocation.</summary>
public sealed class TokenTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Token_ForAValidClient_IsAFifteenMinuteBearerTokenThatWorks()
    {
        using var response = await factory.RequestTokenAsync(ParleyAppFactory.DemoApiClientId, ParleyAppFactory.DemoApiClientSecret);
        await response.ExpectAsync(200);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.InRange(body.GetProperty("expires_in").GetInt32(), 890, 900);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());

        using var client = factory.CreateBearerClient(body.GetProperty("access_token").GetString()!);
        var me = await client.GetJsonAsync("/api/v1/me");
        Assert.Equal(ParleyAppFactory.DemoApiClientId, me.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Token_WithAWrongSecret_IsRefusedAsInvalidClient()
    {
        using var response = await factory.RequestTokenAsync(ParleyAppFactory.DemoApiClientId, "not-the-secret");
        await AssertInvalidClientAsync(response);
    }

    [Fact]
    public async Task Token_ForAnUnknownClient_IsRefusedAsInvalidClient()
    {
        using var response = await factory.RequestTokenAsync("pc_nobody", ParleyAppFactory.DemoApiClientSecret);
        await AssertInvalidClientAsync(response);
    }

    [Fact]
    public async Task Token_WithAnotherGrantType_IsRefused()
    {
        using var client = factory.CreateAnonymousClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = "admin",
            ["password"] = ParleyAppFactory.DemoAdminPassword,
            ["client_id"] = ParleyAppFactory.DemoApiClientId,
            ["client_secret"] = ParleyAppFactory.DemoApiClientSecret,
        });
        using var response = await client.PostAsync("/connect/token", form, Ct);
        await response.ExpectAsync(400);
        Assert.Equal("unsupported_grant_type", (await response.ReadJsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_AfterItsLifetime_IsRefused()
    {
        using var client = factory.CreateBearerClient(await factory.GetDemoTokenAsync());
        factory.Time.Advance(TimeSpan.FromMinutes(14));
        await client.GetJsonAsync("/api/v1/me");
        factory.Time.Advance(TimeSpan.FromMinutes(2));
        await (await client.GetAsync("/api/v1/me", Ct)).ExpectAsync(401);
        await (await client.GetAsync("/api/v1/users", Ct)).ExpectAsync(401);
    }

    [Fact]
    public async Task Token_WithATamperedSignature_IsRefused()
    {
        using var client = factory.CreateBearerClient(AccessTokens.WithTamperedSignature(await factory.GetDemoTokenAsync()));
        await (await client.GetAsync("/api/v1/me", Ct)).ExpectAsync(401);
    }

    [Fact]
    public async Task RevokingAClient_RefusesItsExistingTokens_AndNewOnes()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var created = await admin.PostAsJsonAsync("/api/v1/api-clients", new { name = "Short-lived", permissions = new[] { Permissions.UsersRead } }, Ct);
        await created.ExpectAsync(201);
        var body = await created.ReadJsonAsync();
        var id = body.GetProperty("client").GetProperty("id").GetGuid();
        var clientId = body.GetProperty("client").GetProperty("clientId").GetString()!;
        var secret = body.GetProperty("clientSecret").GetString()!;
        using var client = factory.CreateBearerClient(await factory.GetTokenAsync(clientId, secret));
        await client.GetJsonAsync("/api/v1/users");

        using var revoke = await admin.PostAsync($"/api/v1/api-clients/{id}/revoke", null, Ct);
        await revoke.ExpectAsync(200);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, (await revoke.ReadJsonAsync()).GetProperty("revokedAt").ValueKind);

        await (await client.GetAsync("/api/v1/users", Ct)).ExpectAsync(401);
        using var again = await factory.RequestTokenAsync(clientId, secret);
        await AssertInvalidClientAsync(again);
    }

    [Fact]
    public async Task ClientSecret_IsShownOnce_AndNeverListed()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var created = await admin.PostAsJsonAsync("/api/v1/api-clients", new { name = "Secretive", permissions = new[] { Permissions.UsersRead } }, Ct);
        await created.ExpectAsync(201);
        var body = await created.ReadJsonAsync();
        var secret = body.GetProperty("clientSecret").GetString()!;
        Assert.True(secret.Length >= 32);

        using var list = await admin.GetAsync("/api/v1/api-clients?limit=200", Ct);
        Assert.DoesNotContain(secret, await list.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var one = await admin.GetAsync($"/api/v1/api-clients/{body.GetProperty("client").GetProperty("id").GetGuid()}", Ct);
        Assert.DoesNotContain(secret, await one.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static async Task AssertInvalidClientAsync(HttpResponseMessage response)
    {
        Assert.True((int)response.StatusCode is 400 or 401, $"expected 400 or 401, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("invalid_client", (await response.ReadJsonAsync()).GetProperty("error").GetString());
    }
}
