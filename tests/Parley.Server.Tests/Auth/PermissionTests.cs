using System.Net.Http.Json;
using Parley.Domain.Security;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Auth;

/// <summary>Built-in roles and API clients can do what their permissions say, and nothing else.</summary>
public sealed class PermissionTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Agent_ListingUsers_IsForbidden()
    {
        using var agent = await factory.SignInDemoAsync("agent2");
        using var response = await agent.GetAsync("/api/v1/users", Ct);
        await response.ExpectAsync(403);
    }

    [Fact]
    public async Task Supervisor_CanReadUsers_ButNotChangeThem()
    {
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        var page = await supervisor.GetJsonAsync("/api/v1/users");
        var agent = page.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "agent3");
        var agentId = agent.GetProperty("id").GetGuid();

        await (await supervisor.PostAsJsonAsync("/api/v1/users", new { userName = Names.Unique("sup-made"), password = HttpClientExtensions.UserPassword }, Ct)).ExpectAsync(403);
        await (await supervisor.PutJsonAsync($"/api/v1/users/{agentId}", new { displayName = "Renamed", roles = new[] { BuiltInRoles.Agent } }, "*")).ExpectAsync(403);
        await (await supervisor.DeleteAsync($"/api/v1/users/{agentId}", Ct)).ExpectAsync(403);
        await (await supervisor.PostAsync($"/api/v1/users/{agentId}/unlock", null, Ct)).ExpectAsync(403);
        Assert.Equal("Carol Agent", (await supervisor.GetJsonAsync($"/api/v1/users/{agentId}")).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Admin_CreatingAUser_MakesOneThatCanSignIn()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var userName = Names.Unique("new-agent");
        using var response = await admin.PostAsJsonAsync(
            "/api/v1/users", new { userName, password = HttpClientExtensions.UserPassword, displayName = "New Agent", roles = new[] { BuiltInRoles.Agent } }, Ct);
        await response.ExpectAsync(201);
        var created = await response.ReadJsonAsync();
        Assert.Equal($"/api/v1/users/{created.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
        Assert.NotNull(response.Headers.ETag);

        var read = await admin.GetJsonAsync($"/api/v1/users/{created.GetProperty("id").GetGuid()}");
        Assert.Equal([BuiltInRoles.Agent], read.GetProperty("roles").Strings());
        using var user = await factory.SignInAsync(ParleyAppFactory.DemoTenant, userName, HttpClientExtensions.UserPassword);
        var me = await user.GetJsonAsync("/api/v1/me");
        Assert.Equal(BuiltInRoles.ForTenant[BuiltInRoles.Agent].Order(StringComparer.Ordinal), me.GetProperty("permissions").Strings());
    }

    [Fact]
    public async Task ApiClientToken_CarriesItsPermissions_AndNoOthers()
    {
        using var client = factory.CreateBearerClient(await factory.GetDemoTokenAsync());
        var me = await client.GetJsonAsync("/api/v1/me");
        Assert.Equal("api-client", me.GetProperty("actorType").GetString());
        Assert.Equal(ParleyAppFactory.DemoTenant, me.GetProperty("tenant").GetString());
        Assert.Equal(BuiltInRoles.ForTenant[BuiltInRoles.ApiClient].Order(StringComparer.Ordinal), me.GetProperty("permissions").Strings());

        await client.GetJsonAsync("/api/v1/users");
        await (await client.PostAsJsonAsync("/api/v1/users", new { userName = Names.Unique("api-made"), password = HttpClientExtensions.UserPassword }, Ct)).ExpectAsync(403);
        await (await client.GetAsync("/api/v1/roles", Ct)).ExpectAsync(403);
        await (await client.GetAsync("/api/v1/audit", Ct)).ExpectAsync(403);
        await (await client.GetAsync("/api/v1/api-clients", Ct)).ExpectAsync(403);
    }

    [Fact]
    public async Task ApiClientCreatedWithOnePermission_CanUseOnlyThatOne()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var created = await admin.PostAsJsonAsync("/api/v1/api-clients", new { name = "Reader", permissions = new[] { Permissions.RolesRead } }, Ct);
        await created.ExpectAsync(201);
        var body = await created.ReadJsonAsync();
        var token = await factory.GetTokenAsync(body.GetProperty("client").GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!);

        using var client = factory.CreateBearerClient(token);
        await client.GetJsonAsync("/api/v1/roles");
        await (await client.GetAsync("/api/v1/users", Ct)).ExpectAsync(403);
    }

    [Fact]
    public async Task Supervisor_CreatingAnApiClient_IsForbidden()
    {
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        using var response = await supervisor.PostAsJsonAsync("/api/v1/api-clients", new { name = "Sneaky", permissions = new[] { Permissions.UsersRead } }, Ct);
        await response.ExpectAsync(403);
    }

    [Fact]
    public async Task Admin_CreatingAnApiClientWithPlatformPermissions_IsRefused()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var response = await admin.PostAsJsonAsync("/api/v1/api-clients", new { name = "Operator", permissions = new[] { Permissions.PlatformTenantsWrite } }, Ct);
        await response.ExpectAsync(400);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("permissions", out _));
    }
}
