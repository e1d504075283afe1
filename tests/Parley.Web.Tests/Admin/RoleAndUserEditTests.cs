using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Parley.Domain.Security;
using Parley.Server.Web.Admin;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.Admin;

/// <summary>Roles and users in the console against the real server: custom roles with chosen permissions, assigned to users.</summary>
public sealed class RoleAndUserEditTests : IAsyncLifetime
{
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public ValueTask InitializeAsync()
    {
        _bunit.UseServer(_server);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_custom_role_given_to_a_new_user_grants_exactly_the_permissions_ticked()
    {
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var nav = _bunit.Services.GetRequiredService<NavigationManager>();
        var role = _bunit.Render<RoleEdit>();
        role.WaitForElement("input[name='perm-users.read']", AdminHarness.Wait).Change(true);
        role.Find("input[name='name']").Change("qa-lead");
        role.Find("input[name='perm-audit.read']").Change(true);
        role.Find("form.parley-admin-form").Submit();
        role.WaitForAssertion(() => Assert.Matches("/admin/roles/[0-9a-f-]{36}$", nav.Uri), AdminHarness.Wait);

        var user = _bunit.Render<UserEdit>();
        user.WaitForElement("input[name='role-qa-lead']", AdminHarness.Wait).Change(true);
        user.Find("input[name='userName']").Change("quinn");
        user.Find("input[name='displayName']").Change("Quinn Auditor");
        user.Find("input[name='password']").Change("Quinn-Secret-2026!");
        user.Find("form.parley-admin-form").Submit();
        user.WaitForAssertion(() => Assert.Matches("/admin/users/[0-9a-f-]{36}$", nav.Uri), AdminHarness.Wait);

        using var quinn = await _server.SignInAsync("quinn", "Quinn-Secret-2026!");
        var me = await quinn.JsonAsync("/api/v1/me");
        Assert.Equal(
            new[] { Permissions.AuditRead, Permissions.UsersRead }.Order(),
            me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!).Order());
    }

    [Fact]
    public async Task A_permission_the_actor_does_not_hold_is_shown_but_cannot_be_ticked()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var tenantId = (await admin.JsonAsync("/api/v1/me")).GetProperty("tenantId").GetGuid();
        _bunit.AuthorizeAs(tenantId, Guid.NewGuid().ToString(), "Delegate", Permissions.RolesRead, Permissions.RolesWrite);

        var page = _bunit.Render<RoleEdit>();

        page.WaitForElement("input[name='perm-roles.read']", AdminHarness.Wait);
        Assert.False(page.Find("input[name='perm-roles.read']").HasAttribute("disabled"));
        Assert.True(page.Find("input[name='perm-audit.read']").HasAttribute("disabled"));
        Assert.Contains("you do not hold it", page.Find("[data-grant='audit.read']").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-grant^='platform.']"));
    }

    [Fact]
    public async Task A_role_changed_by_a_colleague_while_open_is_not_overwritten_and_reload_shows_their_change()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var id = (await admin.SendAsync(HttpMethod.Post, "/api/v1/roles", new { name = "night-shift", description = "Nights", permissions = new[] { Permissions.UsersRead } }))
            .GetProperty("id").GetGuid();
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<RoleEdit>(p => p.Add(r => r.Id, id));
        page.WaitForAssertion(() => Assert.Equal("Nights", page.Find("input[name='description']").GetAttribute("value")), AdminHarness.Wait);

        await admin.ChangeAsync($"/api/v1/roles/{id}", body => body["description"] = "Nights and weekends");
        page.Find("input[name='description']").Change("Late evenings");
        page.Find("form.parley-admin-form").Submit();

        var problem = page.WaitForElement(".parley-form-problem[data-kind='Stale']", AdminHarness.Wait);
        Assert.Contains("Changed by someone else", problem.TextContent, StringComparison.Ordinal);
        Assert.Equal("Nights and weekends", (await admin.JsonAsync($"/api/v1/roles/{id}")).GetProperty("description").GetString());
        page.Find(".parley-reload").Click();
        page.WaitForAssertion(() => Assert.Equal("Nights and weekends", page.Find("input[name='description']").GetAttribute("value")), AdminHarness.Wait);
    }

    [Fact]
    public async Task A_weak_password_is_explained_under_the_password_and_no_user_is_created()
    {
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<UserEdit>();
        page.WaitForElement("input[name='userName']", AdminHarness.Wait).Change("weakling");
        page.Find("input[name='password']").Change("short");

        page.Find("form.parley-admin-form").Submit();

        var error = page.WaitForElement(".parley-field-error[data-field='password']", AdminHarness.Wait);
        Assert.NotNull(error.ParentElement!.QuerySelector("input[name='password']"));
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var users = await admin.JsonAsync("/api/v1/users?limit=200");
        Assert.DoesNotContain(users.GetProperty("items").EnumerateArray(), u => u.GetProperty("userName").GetString() == "weakling");
    }

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
