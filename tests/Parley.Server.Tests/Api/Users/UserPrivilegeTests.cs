using System.Net.Http.Json;
using Parley.Domain.Security;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Api.Users;

/// <summary>
/// Privilege between users: acting on a user needs every permission that user holds; roles cannot be renamed onto
/// another's name; tenant settings need their own permission.
/// </summary>
public sealed class UserPrivilegeTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AUserManager_CannotResetStripDeleteOrUnlockATenantAdmin_ButCanActOnAnAgent()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var target = (await admin.CreateUserAsync(Names.Unique("second-admin"), BuiltInRoles.TenantAdmin)).GetProperty("id").GetGuid();
        var agent = (await admin.CreateUserAsync(Names.Unique("plain-agent"), BuiltInRoles.Agent)).GetProperty("id").GetGuid();
        using var manager = await SignInWithRoleAsync(Permissions.UsersRead, Permissions.UsersWrite, Permissions.AgentSelf, Permissions.QueuesRead, Permissions.SkillsRead);

        using (var reset = await manager.PutJsonAsync($"/api/v1/users/{target}", new { displayName = "Owned", roles = Array.Empty<string>(), newPassword = "Attacker-Chosen-2026" }, "*"))
        {
            await reset.ExpectAsync(403);
            Assert.StartsWith("Cannot act on a user", (await reset.ReadJsonAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        await (await manager.DeleteAsync($"/api/v1/users/{target}", Ct)).ExpectAsync(403);
        await (await manager.PostAsync($"/api/v1/users/{target}/unlock", null, Ct)).ExpectAsync(403);
        Assert.Equal([BuiltInRoles.TenantAdmin], (await admin.GetJsonAsync($"/api/v1/users/{target}")).GetProperty("roles").Strings());

        using (var rename = await manager.PutJsonAsync($"/api/v1/users/{agent}", new { displayName = "Renamed agent", roles = new[] { BuiltInRoles.Agent } }, "*"))
        {
            await rename.ExpectAsync(200);
        }

        await (await manager.PostAsync($"/api/v1/users/{agent}/unlock", null, Ct)).ExpectAsync(204);
        await (await manager.DeleteAsync($"/api/v1/users/{agent}", Ct)).ExpectAsync(204);
    }

    [Fact]
    public async Task RenamingARoleOntoAnExistingName_Is409ProblemDetails()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var taken = Names.Unique("taken");
        await admin.CreateRoleAsync(taken, Permissions.UsersRead);
        var other = await admin.CreateRoleAsync(Names.Unique("other"), Permissions.UsersRead);

        using var rename = await admin.PutJsonAsync($"/api/v1/roles/{other.GetProperty("id").GetGuid()}", new { name = taken, permissions = new[] { Permissions.UsersRead } }, "*");
        await rename.ExpectAsync(409);
        Assert.Equal("application/problem+json", rename.ContentType());

        using var builtIn = await admin.PutJsonAsync($"/api/v1/roles/{other.GetProperty("id").GetGuid()}", new { name = BuiltInRoles.Agent, permissions = new[] { Permissions.UsersRead } }, "*");
        await builtIn.ExpectAsync(409);
    }

    [Fact]
    public async Task TenantSettings_NeedTenantSettingsWrite_NotQueuesWrite()
    {
        using var queues = await SignInWithRoleAsync(Permissions.QueuesRead, Permissions.QueuesWrite);
        var settings = await queues.GetJsonAsync("/api/v1/tenant/settings");
        await (await queues.PutJsonAsync("/api/v1/tenant/settings", new { timeZone = "Europe/Paris" }, "*")).ExpectAsync(403);

        using var admin = await factory.SignInDemoAsync("admin");
        Assert.Contains(Permissions.TenantSettingsWrite, (await admin.GetJsonAsync("/api/v1/me")).GetProperty("permissions").Strings());
        using var put = await admin.PutJsonAsync("/api/v1/tenant/settings", new { timeZone = settings.GetProperty("timeZone").GetString() }, "*");
        await put.ExpectAsync(200);
    }

    private async Task<HttpClient> SignInWithRoleAsync(params string[] permissions)
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var role = Names.Unique("custom");
        await admin.CreateRoleAsync(role, permissions);
        var userName = Names.Unique("custom");
        await admin.CreateUserAsync(userName, role);
        return await factory.SignInAsync(ParleyAppFactory.DemoTenant, userName, HttpClientExtensions.UserPassword);
    }
}
