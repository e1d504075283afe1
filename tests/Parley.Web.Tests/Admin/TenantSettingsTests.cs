using Bunit;
using Parley.Domain.Security;
using Parley.Server.Web.Admin;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.Admin;

/// <summary>
/// The tenant settings form against the real server: a change is stored on the administrator's own tenant (never another's), a bad
/// host is explained under the hosts, a colleague's change is explained, and an agent without <c>tenant.settings.write</c> cannot save.
/// </summary>
public sealed class TenantSettingsTests : IAsyncLifetime
{
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public ValueTask InitializeAsync()
    {
        _bunit.UseServer(_server);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_new_time_zone_hosts_and_attachment_limit_are_stored_on_the_own_tenant_only()
    {
        using var other = await _server.OtherTenantAdminAsync("tenant-b");
        var before = await other.JsonAsync("/api/v1/tenant/settings");
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<TenantSettings>();
        page.WaitForElement("input[name='timeZone']", AdminHarness.Wait).Change("Asia/Tokyo");
        page.Find("textarea[name='flowHttpAllowedHosts']").Change("crm.example.com\napi.example.org");
        page.Find("input[name='attachmentMaxBytes']").Change("5");

        page.Find("form.parley-admin-form").Submit();

        page.WaitForElement(".parley-saved", AdminHarness.Wait);
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var stored = await admin.JsonAsync("/api/v1/tenant/settings");
        Assert.Equal("Asia/Tokyo", stored.GetProperty("timeZone").GetString());
        Assert.Equal(["crm.example.com", "api.example.org"], stored.GetProperty("flowHttpAllowedHosts").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(5L * 1024 * 1024, stored.GetProperty("attachmentMaxBytes").GetInt64());
        var after = await other.JsonAsync("/api/v1/tenant/settings");
        Assert.Equal(before.GetProperty("timeZone").GetString(), after.GetProperty("timeZone").GetString());
        Assert.Equal(before.GetProperty("version").GetInt64(), after.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_bad_host_is_explained_under_the_hosts_and_nothing_changes()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var before = await admin.JsonAsync("/api/v1/tenant/settings");
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<TenantSettings>();
        page.WaitForElement("textarea[name='flowHttpAllowedHosts']", AdminHarness.Wait).Change("crm.example.com\nhttp://not a host/");

        page.Find("form.parley-admin-form").Submit();

        var error = page.WaitForElement(".parley-field-error[data-field='flowHttpAllowedHosts/1']", AdminHarness.Wait);
        Assert.NotNull(error.ParentElement!.QuerySelector("textarea[name='flowHttpAllowedHosts']"));
        Assert.Empty(page.FindAll(".parley-form-problem"));
        Assert.Equal(before.GetProperty("version").GetInt64(), (await admin.JsonAsync("/api/v1/tenant/settings")).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_is_explained_and_theirs_is_kept()
    {
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<TenantSettings>();
        page.WaitForElement("input[name='timeZone']", AdminHarness.Wait);

        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        await admin.ChangeAsync("/api/v1/tenant/settings", body => body["timeZone"] = "America/New_York");
        page.Find("input[name='timeZone']").Change("Europe/Paris");
        page.Find("form.parley-admin-form").Submit();

        page.WaitForElement(".parley-form-problem[data-kind='Stale']", AdminHarness.Wait);
        Assert.Equal("America/New_York", (await admin.JsonAsync("/api/v1/tenant/settings")).GetProperty("timeZone").GetString());
        page.Find(".parley-reload").Click();
        page.WaitForAssertion(() => Assert.Equal("America/New_York", page.Find("input[name='timeZone']").GetAttribute("value")), AdminHarness.Wait);
    }

    [Fact]
    public async Task An_agent_is_refused_on_save_and_sees_no_settings_card()
    {
        var agent = await _bunit.AuthorizeAsAsync(_server, "agent1");
        Assert.DoesNotContain(Permissions.TenantSettingsWrite, agent.Permissions);
        Assert.DoesNotContain("/admin/settings", _bunit.Render<AdminHome>().FindAll("a.parley-admin-card").Select(a => a.GetAttribute("href")));
        var page = _bunit.Render<TenantSettings>();
        page.WaitForElement("input[name='timeZone']", AdminHarness.Wait).Change("Asia/Tokyo");

        page.Find("form.parley-admin-form").Submit();

        var problem = page.WaitForElement(".parley-form-problem[data-kind='Forbidden']", AdminHarness.Wait);
        Assert.Contains(Permissions.TenantSettingsWrite, problem.TextContent, StringComparison.Ordinal);
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        Assert.NotEqual("Asia/Tokyo", (await admin.JsonAsync("/api/v1/tenant/settings")).GetProperty("timeZone").GetString());
    }

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
