using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Parley.Domain.Security;
using Parley.Server.Web.Admin;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.Admin;

/// <summary>
/// The tenant's canned responses in the console against the real server: made, filtered on the server and deleted; a bad shortcut
/// explained in place; a colleague's change explained; another tenant's (and an agent's personal) response not found; an agent refused.
/// </summary>
public sealed class CannedResponseEditTests : IAsyncLifetime
{
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public ValueTask InitializeAsync()
    {
        _bunit.UseServer(_server);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_response_made_on_the_page_is_stored_for_the_tenant_found_by_the_filter_and_deleted_when_asked_twice()
    {
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var nav = _bunit.Services.GetRequiredService<NavigationManager>();
        var page = _bunit.Render<CannedResponseEdit>();
        page.WaitForElement("input[name='shortcut']", AdminHarness.Wait).Change("refund-policy");
        page.Find("input[name='title']").Change("Refund policy");
        page.Find("textarea[name='text']").Change("Hello {{customer.name}}, refunds take 5 days.");
        page.Find("input[name='tags']").Change("billing, refunds");

        page.Find("form.parley-admin-form").Submit();

        page.WaitForAssertion(() => Assert.Matches("/admin/canned-responses/[0-9a-f-]{36}$", nav.Uri), AdminHarness.Wait);
        var id = Guid.Parse(nav.Uri[(nav.Uri.LastIndexOf('/') + 1)..]);
        using var agent = await _server.SignInAsync("agent1");
        var seen = await agent.JsonAsync($"/api/v1/canned-responses/{id}");
        Assert.Equal("tenant", seen.GetProperty("scope").GetString());
        Assert.Equal(["billing", "refunds"], seen.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        var list = _bunit.Render<CannedResponseList>();
        list.WaitForAssertion(() => Assert.Contains("/refund-policy", list.FindAll(".parley-row-link").Select(a => a.TextContent)), AdminHarness.Wait);
        list.Find("input.parley-filter").Input("5 days");
        list.WaitForAssertion(() => Assert.Equal(["/refund-policy"], list.FindAll(".parley-row-link").Select(a => a.TextContent)), AdminHarness.Wait);
        list.Find("input.parley-filter").Input("no such words");
        list.WaitForAssertion(() => Assert.Empty(list.FindAll(".parley-row-link")), AdminHarness.Wait);

        var opened = _bunit.Render<CannedResponseEdit>(p => p.Add(c => c.Id, id));
        opened.WaitForElement(".parley-delete", AdminHarness.Wait).Click();
        opened.Find(".parley-confirm-yes").Click();
        opened.WaitForAssertion(() => Assert.EndsWith("/admin/canned-responses", nav.Uri, StringComparison.Ordinal), AdminHarness.Wait);
        using var gone = await agent.GetAsync($"/api/v1/canned-responses/{id}", Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_shortcut_with_spaces_is_explained_under_the_shortcut_and_nothing_is_created()
    {
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<CannedResponseEdit>();
        page.WaitForElement("input[name='shortcut']", AdminHarness.Wait).Change("two words");
        page.Find("input[name='title']").Change("Two words");
        page.Find("textarea[name='text']").Change("Text");

        page.Find("form.parley-admin-form").Submit();

        var error = page.WaitForElement(".parley-field-error[data-field='shortcut']", AdminHarness.Wait);
        Assert.NotNull(error.ParentElement!.QuerySelector("input[name='shortcut']"));
        Assert.Empty(page.FindAll(".parley-form-problem"));
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var all = await admin.JsonAsync("/api/v1/canned-responses?scope=tenant");
        Assert.DoesNotContain(all.GetProperty("items").EnumerateArray(), r => r.GetProperty("title").GetString() == "Two words");
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_is_explained_and_theirs_is_kept()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var id = (await admin.SendAsync(HttpMethod.Post, "/api/v1/canned-responses", new { shortcut = "hours", title = "Hours", text = "9 to 5", scope = "tenant" }))
            .GetProperty("id").GetGuid();
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<CannedResponseEdit>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.Equal("hours", page.Find("input[name='shortcut']").GetAttribute("value")), AdminHarness.Wait);

        await admin.ChangeAsync($"/api/v1/canned-responses/{id}", body => body["text"] = "8 to 6 now");
        page.Find("textarea[name='text']").Change("Mine");
        page.Find("form.parley-admin-form").Submit();

        page.WaitForElement(".parley-form-problem[data-kind='Stale']", AdminHarness.Wait);
        Assert.Equal("8 to 6 now", (await admin.JsonAsync($"/api/v1/canned-responses/{id}")).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Another_tenants_response_and_an_admins_personal_one_are_not_found_here()
    {
        using var other = await _server.OtherTenantAdminAsync("tenant-b");
        var theirs = await other.SendAsync(HttpMethod.Post, "/api/v1/canned-responses", new { shortcut = "canary", title = "canary title", text = "canary", scope = "tenant" });
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var personal = await admin.SendAsync(HttpMethod.Post, "/api/v1/canned-responses", new { shortcut = "mine", title = "My own", text = "mine", scope = "personal" });
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);

        var page = _bunit.Render<CannedResponseEdit>(p => p.Add(c => c.Id, theirs.GetProperty("id").GetGuid()));
        page.WaitForAssertion(() => Assert.Contains("No such canned response.", page.Markup, StringComparison.Ordinal), AdminHarness.Wait);
        Assert.DoesNotContain("canary", page.Markup, StringComparison.OrdinalIgnoreCase);
        var own = _bunit.Render<CannedResponseEdit>(p => p.Add(c => c.Id, personal.GetProperty("id").GetGuid()));
        own.WaitForAssertion(() => Assert.Contains("No such canned response.", own.Markup, StringComparison.Ordinal), AdminHarness.Wait);

        var list = _bunit.Render<CannedResponseList>();
        list.Find("input.parley-filter").Input("canary");
        list.WaitForAssertion(() => Assert.Contains("No canned responses match.", list.Markup, StringComparison.Ordinal), AdminHarness.Wait);
        Assert.DoesNotContain("/mine", list.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_cannot_see_the_card_or_change_a_tenant_response()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var id = (await admin.SendAsync(HttpMethod.Post, "/api/v1/canned-responses", new { shortcut = "bye", title = "Bye", text = "Bye", scope = "tenant" })).GetProperty("id").GetGuid();
        var agent = await _bunit.AuthorizeAsAsync(_server, "agent1");
        Assert.DoesNotContain(Permissions.TenantSettingsWrite, agent.Permissions);
        Assert.DoesNotContain("/admin/canned-responses", _bunit.Render<AdminHome>().FindAll("a.parley-admin-card").Select(a => a.GetAttribute("href")));

        var page = _bunit.Render<CannedResponseEdit>(p => p.Add(c => c.Id, id));

        page.WaitForElement("fieldset[disabled]", AdminHarness.Wait);
        Assert.Empty(page.FindAll(".parley-save"));
    }

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
