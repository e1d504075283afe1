using Bunit;
using Parley.Domain.Security;
using Parley.Server.Web.Admin;
using Parley.Server.Web.Layout;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.Admin;

/// <summary>The console's lists and navigation: the server filters and pages, a tenant sees only its own, permissions decide the menu.</summary>
public sealed class AdminListTests : IAsyncLifetime
{
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public ValueTask InitializeAsync()
    {
        _bunit.UseServer(_server);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task The_queue_list_pages_and_filters_on_the_server()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        for (var i = 1; i <= 22; i++)
        {
            await admin.SendAsync(HttpMethod.Post, "/api/v1/queues", new { name = $"Bulk {i:00}", channels = new[] { "Email" } });
        }

        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<QueueList>();
        page.WaitForAssertion(() => Assert.Equal(20, page.FindAll(".parley-row-link").Count), AdminHarness.Wait);
        var total = (await admin.JsonAsync("/api/v1/queues?limit=200")).GetProperty("items").GetArrayLength();
        Assert.Contains($"({total} items)", page.Find(".rz-pager-summary").TextContent, StringComparison.Ordinal);

        page.Find("input.parley-filter").Input("bulk 1");

        page.WaitForAssertion(
            () => Assert.Equal(Enumerable.Range(10, 10).Select(i => $"Bulk {i}"), page.FindAll(".parley-row-link").Select(a => a.TextContent)), AdminHarness.Wait);
    }

    [Fact]
    public async Task A_tenant_admin_never_sees_another_tenants_queue_in_the_list_or_by_its_address()
    {
        using var other = await _server.OtherTenantAdminAsync("tenant-b");
        var canary = (await other.SendAsync(HttpMethod.Post, "/api/v1/queues", new { name = "Canary queue", channels = new[] { "Chat" } })).GetProperty("id").GetGuid();
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);

        var list = _bunit.Render<QueueList>();
        list.WaitForAssertion(() => Assert.Contains("Sales", list.FindAll(".parley-row-link").Select(a => a.TextContent)), AdminHarness.Wait);
        Assert.DoesNotContain("Canary", list.Markup, StringComparison.Ordinal);
        list.Find("input.parley-filter").Input("canary");
        list.WaitForAssertion(() => Assert.Empty(list.FindAll(".parley-row-link")), AdminHarness.Wait);

        var edit = _bunit.Render<QueueEdit>(p => p.Add(q => q.Id, canary));
        edit.WaitForAssertion(() => Assert.Contains("No such queue.", edit.Markup, StringComparison.Ordinal), AdminHarness.Wait);
        Assert.DoesNotContain("Canary", edit.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_console_menu_lists_only_the_pages_the_permissions_open()
    {
        var agentsOnly = new Parley.Server.Auth.CurrentActor(Guid.NewGuid(), "user", "u", "u", new HashSet<string> { Permissions.AgentsRead });
        var agent = new Parley.Server.Auth.CurrentActor(Guid.NewGuid(), "user", "a", "a", new HashSet<string> { Permissions.AgentSelf });

        var security = new Parley.Server.Auth.CurrentActor(Guid.NewGuid(), "user", "s", "s", new HashSet<string> { Permissions.UsersRead, Permissions.AuditRead });

        Assert.Equal(["Agents", "Not-ready reasons"], AdminAreas.For(agentsOnly).Select(a => a.Title));
        Assert.Equal(["Users", "Audit log"], AdminAreas.For(security).Select(a => a.Title));
        Assert.Contains(WebAreas.For(agentsOnly), a => a.Path == "/admin");
        Assert.DoesNotContain(WebAreas.For(agent), a => a.Path == "/admin");
    }

    [Fact]
    public void The_platform_operator_sees_the_platform_and_its_people_and_audit_not_a_contact_center_it_does_not_run()
    {
        var platformOperator = new Parley.Server.Auth.CurrentActor(Guid.NewGuid(), "user", "o", "o", BuiltInRoles.ForPlatform.ToHashSet());
        var tenantAdmin = new Parley.Server.Auth.CurrentActor(Guid.NewGuid(), "user", "t", "t", BuiltInRoles.ForTenant[BuiltInRoles.TenantAdmin].ToHashSet());

        Assert.Equal(["Tenants", "Number pool", "Users", "Roles", "API clients", "Audit log", "Tenant settings"], AdminAreas.For(platformOperator).Select(a => a.Title));
        Assert.Equal(["Admin"], WebAreas.For(platformOperator).Select(a => a.Title));
        Assert.Contains(AdminAreas.For(tenantAdmin), a => a.Title == "Queues");
        Assert.DoesNotContain(AdminAreas.For(tenantAdmin), a => a.Title == "Tenants");
        Assert.Equal(["Workspace", "Supervisor", "Reports", "Admin"], WebAreas.For(tenantAdmin).Select(a => a.Title));
    }

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
