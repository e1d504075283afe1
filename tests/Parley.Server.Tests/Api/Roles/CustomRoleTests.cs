using System.Net.Http.Json;
using Parley.Domain.Security;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Api.Roles;

/// <summary>Custom roles: exactly their permissions, never more than the granting user holds, built-ins fixed.</summary>
public sealed class CustomRoleTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UserWithCustomRole_CanDoExactlyWhatTheRoleGrants()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var role = Names.Unique("auditor");
        await admin.CreateRoleAsync(role, Permissions.UsersRead, Permissions.AuditRead);
        var userName = Names.Unique("auditor");
        await admin.CreateUserAsync(userName, role);

        using var user = await factory.SignInAsync(ParleyAppFactory.DemoTenant, userName, HttpClientExtensions.UserPassword);
        var me = await user.GetJsonAsync("/api/v1/me");
        Assert.Equal([Permissions.AuditRead, Permissions.UsersRead], me.GetProperty("permissions").Strings());
        await user.GetJsonAsync("/api/v1/users");
        await user.GetJsonAsync("/api/v1/audit");
        await (await user.GetAsync("/api/v1/roles", Ct)).ExpectAsync(403);
        await (await user.GetAsync("/api/v1/api-clients", Ct)).ExpectAsync(403);
        await (await user.PostAsJsonAsync("/api/v1/users", new { userName = Names.Unique("x"), password = HttpClientExtensions.UserPassword }, Ct)).ExpectAsync(403);
    }

    [Fact]
    public async Task CreatingARoleWithAPermissionTheActorLacks_IsRefused()
    {
        using var delegateUser = await SignInDelegateAsync();
        using var response = await delegateUser.PostAsJsonAsync(
            "/api/v1/roles", new { name = Names.Unique("escalate"), permissions = new[] { Permissions.UsersRead, Permissions.AuditRead } }, Ct);
        await response.ExpectAsync(403);
        var problem = await response.ReadJsonAsync();
        Assert.StartsWith("Cannot grant", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains(Permissions.AuditRead, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The same actor may grant what they hold.
        await delegateUser.CreateRoleAsync(Names.Unique("reader"), Permissions.UsersRead);
    }

    [Fact]
    public async Task AssigningARoleWithPermissionsTheActorLacks_IsRefused()
    {
        using var delegateUser = await SignInDelegateAsync();
        using var create = await delegateUser.PostAsJsonAsync(
            "/api/v1/users", new { userName = Names.Unique("admin-wannabe"), password = HttpClientExtensions.UserPassword, roles = new[] { BuiltInRoles.TenantAdmin } }, Ct);
        await create.ExpectAsync(403);

        var self = await delegateUser.GetJsonAsync("/api/v1/me");
        var id = self.GetProperty("id").GetString();
        var current = await delegateUser.GetJsonAsync($"/api/v1/users/{id}");
        using var promote = await delegateUser.PutJsonAsync(
            $"/api/v1/users/{id}",
            new { displayName = "Promoted", roles = new[] { BuiltInRoles.TenantAdmin } },
            $"\"{current.GetProperty("version").GetInt64()}\"");
        await promote.ExpectAsync(403);
    }

    [Fact]
    public async Task BuiltInRoles_CannotBeChangedOrDeleted()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var roles = (await admin.GetJsonAsync("/api/v1/roles?limit=200")).GetProperty("items").EnumerateArray().ToArray();
        var agent = roles.Single(r => r.GetProperty("name").GetString() == BuiltInRoles.Agent);
        Assert.True(agent.GetProperty("builtIn").GetBoolean());
        var id = agent.GetProperty("id").GetGuid();

        using var change = await admin.PutJsonAsync(
            $"/api/v1/roles/{id}",
            new { name = BuiltInRoles.Agent, permissions = new[] { Permissions.AgentSelf, Permissions.AuditRead } },
            $"\"{agent.GetProperty("version").GetInt64()}\"");
        await change.ExpectAsync(409);
        await (await admin.DeleteAsync($"/api/v1/roles/{id}", Ct)).ExpectAsync(409);

        var after = await admin.GetJsonAsync($"/api/v1/roles/{id}");
        Assert.Equal(BuiltInRoles.ForTenant[BuiltInRoles.Agent].Order(StringComparer.Ordinal), after.GetProperty("permissions").Strings().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PlatformPermissions_CannotBeGrantedInATenant()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var response = await admin.PostAsJsonAsync(
            "/api/v1/roles", new { name = Names.Unique("operator"), permissions = new[] { Permissions.PlatformTenantsWrite } }, Ct);
        await response.ExpectAsync(400);
        var problem = await response.ReadJsonAsync();
        Assert.Contains(Permissions.PlatformTenantsWrite, problem.GetProperty("errors").GetProperty("permissions")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPermission_IsAValidationError()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var response = await admin.PostAsJsonAsync("/api/v1/roles", new { name = Names.Unique("odd"), permissions = new[] { "users.destroy" } }, Ct);
        await response.ExpectAsync(400);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("permissions", out _));
    }

    [Fact]
    public async Task ChangingACustomRole_ReachesSignedInMembersWithinTheValidationInterval()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var role = await admin.CreateRoleAsync(Names.Unique("growing"), Permissions.UsersRead);
        var userName = Names.Unique("member");
        await admin.CreateUserAsync(userName, role.GetProperty("name").GetString()!);
        using var member = await factory.SignInAsync(ParleyAppFactory.DemoTenant, userName, HttpClientExtensions.UserPassword);
        await (await member.GetAsync("/api/v1/roles", Ct)).ExpectAsync(403);

        using var change = await admin.PutJsonAsync(
            $"/api/v1/roles/{role.GetProperty("id").GetGuid()}",
            new { name = role.GetProperty("name").GetString(), permissions = new[] { Permissions.UsersRead, Permissions.RolesRead } },
            $"\"{role.GetProperty("version").GetInt64()}\"");
        await change.ExpectAsync(200);
        Assert.Equal(role.GetProperty("version").GetInt64() + 1, (await change.ReadJsonAsync()).GetProperty("version").GetInt64());

        factory.Time.Advance(TimeSpan.FromMinutes(2));
        await member.GetJsonAsync("/api/v1/roles");
        await member.GetJsonAsync("/api/v1/users");
    }

    [Fact]
    public async Task DeletingACustomRole_RemovesItsPermissionsFromMembers()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var role = await admin.CreateRoleAsync(Names.Unique("temporary"), Permissions.RolesRead);
        var userName = Names.Unique("temp-member");
        await admin.CreateUserAsync(userName, role.GetProperty("name").GetString()!);
        using var member = await factory.SignInAsync(ParleyAppFactory.DemoTenant, userName, HttpClientExtensions.UserPassword);
        await member.GetJsonAsync("/api/v1/roles");

        await (await admin.DeleteAsync($"/api/v1/roles/{role.GetProperty("id").GetGuid()}", Ct)).ExpectAsync(204);
        await (await admin.GetAsync($"/api/v1/roles/{role.GetProperty("id").GetGuid()}", Ct)).ExpectAsync(404);
        factory.Time.Advance(TimeSpan.FromMinutes(2));
        await (await member.GetAsync("/api/v1/roles", Ct)).ExpectAsync(403);
    }

    /// <summary>A user who may write users and roles but does not hold audit.read.</summary>
    private async Task<HttpClient> SignInDelegateAsync()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var role = Names.Unique("delegate");
        await admin.CreateRoleAsync(role, Permissions.UsersRead, Permissions.UsersWrite, Permissions.RolesRead, Permissions.RolesWrite);
        var userName = Names.Unique("delegate");
        await admin.CreateUserAsync(userName, role);
        return await factory.SignInAsync(ParleyAppFactory.DemoTenant, userName, HttpClientExtensions.UserPassword);
    }
}
