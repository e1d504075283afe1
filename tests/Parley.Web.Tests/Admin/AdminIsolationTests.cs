using Bunit;
using Parley.Domain.Security;
using Parley.Server.Web.Admin;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.Admin;

/// <summary>The people, integration and audit pages of tenant A never show tenant B's objects, by list, filter or address.</summary>
public sealed class AdminIsolationTests : IAsyncLifetime
{
    private const string Canary = "canary";

    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public ValueTask InitializeAsync()
    {
        _bunit.UseServer(_server);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Tenant_bs_roles_users_clients_webhooks_and_audit_entries_are_not_found_in_tenant_as_console()
    {
        await using var catcher = new HookCatcher();
        using var other = await _server.OtherTenantAdminAsync("tenant-b");
        var role = await other.SendAsync(HttpMethod.Post, "/api/v1/roles", new { name = $"{Canary}-role", permissions = new[] { Permissions.UsersRead } });
        var user = await other.SendAsync(HttpMethod.Post, "/api/v1/users", new { userName = $"{Canary}-user", password = "Canary-Secret-2026!" });
        var client = await other.SendAsync(HttpMethod.Post, "/api/v1/api-clients", new { name = $"{Canary} client", permissions = new[] { Permissions.QueuesRead } });
        var hook = await other.SendAsync(HttpMethod.Post, "/api/v1/webhooks", new { url = catcher.Url + "?" + Canary });
        using (var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword))
        {
            // Tenant A's own entry, so its audit log has something to show.
            await admin.SendAsync(HttpMethod.Post, "/api/v1/not-ready-reasons", new { code = "isolation-probe", name = "Isolation probe" });
        }

        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);

        AssertNotFound(_bunit.Render<RoleEdit>(p => p.Add(r => r.Id, role.GetProperty("id").GetGuid())), "No such role.");
        AssertNotFound(_bunit.Render<UserEdit>(p => p.Add(r => r.Id, user.GetProperty("id").GetGuid())), "No such user.");
        AssertNotFound(_bunit.Render<ApiClientEdit>(p => p.Add(r => r.Id, client.GetProperty("client").GetProperty("id").GetGuid())), "No such API client.");
        AssertNotFound(_bunit.Render<WebhookEdit>(p => p.Add(r => r.Id, hook.GetProperty("subscription").GetProperty("id").GetGuid())), "No such webhook.");

        var roles = _bunit.Render<RoleList>();
        roles.WaitForAssertion(() => Assert.Contains("tenant-admin", roles.FindAll(".parley-row-link").Select(a => a.TextContent)), AdminHarness.Wait);
        var users = _bunit.Render<UserList>();
        users.WaitForAssertion(() => Assert.Contains("admin", users.FindAll(".parley-row-link").Select(a => a.TextContent)), AdminHarness.Wait);
        var clients = _bunit.Render<ApiClientList>();
        clients.WaitForAssertion(() => Assert.NotEmpty(clients.FindAll(".parley-row-link")), AdminHarness.Wait);
        var hooks = _bunit.Render<WebhookList>();
        hooks.WaitForAssertion(() => Assert.Contains("No webhooks match.", hooks.Markup, StringComparison.Ordinal), AdminHarness.Wait);
        var audit = _bunit.Render<AuditLog>();
        audit.WaitForAssertion(() => Assert.NotEmpty(audit.FindAll(".parley-audit-action")), AdminHarness.Wait);
        foreach (var markup in new[] { roles.Markup, users.Markup, clients.Markup, hooks.Markup, audit.Markup })
        {
            Assert.DoesNotContain(Canary, markup, StringComparison.OrdinalIgnoreCase);
        }

        users.Find("input.parley-filter").Input(Canary);
        users.WaitForAssertion(() => Assert.Empty(users.FindAll(".parley-row-link")), AdminHarness.Wait);
    }

    private static void AssertNotFound<T>(IRenderedComponent<T> page, string message)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        page.WaitForAssertion(() => Assert.Contains(message, page.Markup, StringComparison.Ordinal), AdminHarness.Wait);
        Assert.DoesNotContain(Canary, page.Markup, StringComparison.OrdinalIgnoreCase);
    }

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
