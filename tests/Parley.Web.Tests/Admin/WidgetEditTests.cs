using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Parley.Domain.Security;
using Parley.Server.Web.Admin;
using Parley.Web.Tests.Support;
using Radzen.Blazor;

namespace Parley.Web.Tests.Admin;

/// <summary>
/// The chat widget pages against the real server: a widget made on the page is stored with its looks and queue and shows the tag to
/// paste, the preview follows the typing, a refused field is explained in place, a colleague's change is explained, another tenant's
/// widget is not found, and a user without <c>queues.read</c> is refused.
/// </summary>
public sealed class WidgetEditTests : IAsyncLifetime
{
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public ValueTask InitializeAsync()
    {
        _bunit.UseServer(_server);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_widget_made_on_the_page_is_stored_with_its_looks_and_queue_and_shows_the_tag_to_paste()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var sales = await admin.QueueIdAsync("Sales");
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var nav = _bunit.Services.GetRequiredService<NavigationManager>();
        var page = _bunit.Render<WidgetEdit>();
        page.WaitForElement("input[name='name']", AdminHarness.Wait).Change("Shop");
        page.Find("input[name='title']").Input("Talk to Sales");
        page.Find("input[name='colour']").Input("#2e7d32");
        page.Find("textarea[name='allowedOrigins']").Change("https://shop.example");
        page.Find(".parley-add-prechat").Click();
        page.Find("input[name='preChat-0-label']").Input("Your name");
        page.Find("input[name='preChat-0-key']").Change("name");
        var queue = page.FindComponents<RadzenDropDown<Guid?>>().Single(d => d.Instance.Name == "queueId");
        await page.InvokeAsync(() => queue.Instance.ValueChanged.InvokeAsync(sales));
        Assert.Empty(page.FindAll(".parley-widget-snippet"));

        page.Find("form.parley-admin-form").Submit();

        page.WaitForAssertion(() => Assert.Matches("/admin/widgets/[0-9a-f-]{36}$", nav.Uri), AdminHarness.Wait);
        var id = Guid.Parse(nav.Uri[(nav.Uri.LastIndexOf('/') + 1)..]);
        var stored = await admin.JsonAsync($"/api/v1/webchat/widgets/{id}");
        Assert.Equal("Talk to Sales", stored.GetProperty("title").GetString());
        Assert.Equal("#2e7d32", stored.GetProperty("colour").GetString());
        Assert.Equal(sales, stored.GetProperty("queueId").GetGuid());
        Assert.Equal("https://shop.example", stored.GetProperty("allowedOrigins")[0].GetString());
        Assert.Equal("Your name", stored.GetProperty("preChatFields")[0].GetProperty("label").GetString());

        var opened = _bunit.Render<WidgetEdit>(p => p.Add(w => w.Id, id));
        var snippet = opened.WaitForElement(".parley-snippet", AdminHarness.Wait);
        Assert.Contains($"data-widget-key=\"{stored.GetProperty("key").GetString()}\"", snippet.TextContent, StringComparison.Ordinal);
        Assert.Contains("/webchat/widget.js", snippet.TextContent, StringComparison.Ordinal);
        var list = _bunit.Render<WidgetList>();
        list.WaitForAssertion(() => Assert.Contains("Shop", list.FindAll(".parley-row-link").Select(a => a.TextContent)), AdminHarness.Wait);
        Assert.Contains("Sales", list.FindAll("tr").Single(r => r.TextContent.Contains("Talk to Sales", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preview_follows_the_title_colour_greeting_and_pre_chat_fields_as_typed()
    {
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<WidgetEdit>();
        page.WaitForElement("input[name='title']", AdminHarness.Wait).Input("Questions? Ask us");
        page.Find("input[name='colour']").Input("#ad1457");
        page.Find("textarea[name='greeting']").Input("Hello from the shop");
        page.Find(".parley-add-prechat").Click();
        page.Find("input[name='preChat-0-label']").Input("Order number");

        Assert.Equal("Questions? Ask us", page.Find(".parley-widget-title").TextContent);
        Assert.Contains("--parley-widget-colour:#ad1457", page.Find(".parley-widget-panel").GetAttribute("style"), StringComparison.Ordinal);
        Assert.Equal("Hello from the shop", page.Find(".parley-widget-greeting").TextContent);
        Assert.Contains("Order number", page.Find(".parley-widget-prechat label").TextContent, StringComparison.Ordinal);

        page.Find("input[name='colour']").Input("#12");
        Assert.Contains("--parley-widget-colour:#1565c0", page.Find(".parley-widget-panel").GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_colour_that_is_not_rrggbb_is_explained_under_the_colour_and_nothing_is_created()
    {
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<WidgetEdit>();
        page.WaitForElement("input[name='name']", AdminHarness.Wait).Change("Blue one");
        page.Find("input[name='colour']").Input("blue");

        page.Find("form.parley-admin-form").Submit();

        var error = page.WaitForElement(".parley-field-error[data-field='colour']", AdminHarness.Wait);
        Assert.NotNull(error.ParentElement!.QuerySelector("input[name='colour']"));
        Assert.Empty(page.FindAll(".parley-form-problem"));
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var widgets = await admin.JsonAsync("/api/v1/webchat/widgets?limit=200");
        Assert.DoesNotContain(widgets.GetProperty("items").EnumerateArray(), w => w.GetProperty("name").GetString() == "Blue one");
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_is_explained_and_theirs_is_kept()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var id = (await admin.SendAsync(HttpMethod.Post, "/api/v1/webchat/widgets", new { name = "Support", title = "Support" })).GetProperty("id").GetGuid();
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<WidgetEdit>(p => p.Add(w => w.Id, id));
        page.WaitForAssertion(() => Assert.Equal("Support", page.Find("input[name='name']").GetAttribute("value")), AdminHarness.Wait);

        await admin.ChangeAsync($"/api/v1/webchat/widgets/{id}", body => body["title"] = "Changed by a colleague");
        page.Find("input[name='title']").Input("Mine");
        page.Find("form.parley-admin-form").Submit();

        var problem = page.WaitForElement(".parley-form-problem[data-kind='Stale']", AdminHarness.Wait);
        Assert.Contains("Changed by someone else", problem.TextContent, StringComparison.Ordinal);
        Assert.Equal("Changed by a colleague", (await admin.JsonAsync($"/api/v1/webchat/widgets/{id}")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Another_tenants_widget_is_not_found_by_address_or_in_the_list()
    {
        using var other = await _server.OtherTenantAdminAsync("tenant-b");
        var theirs = await other.SendAsync(HttpMethod.Post, "/api/v1/webchat/widgets", new { name = "canary widget", title = "canary title" });
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);

        var page = _bunit.Render<WidgetEdit>(p => p.Add(w => w.Id, theirs.GetProperty("id").GetGuid()));

        page.WaitForAssertion(() => Assert.Contains("No such widget.", page.Markup, StringComparison.Ordinal), AdminHarness.Wait);
        Assert.DoesNotContain("canary", page.Markup, StringComparison.OrdinalIgnoreCase);
        var list = _bunit.Render<WidgetList>();
        list.WaitForAssertion(() => Assert.Contains("Demo web site", list.FindAll(".parley-row-link").Select(a => a.TextContent)), AdminHarness.Wait);
        Assert.DoesNotContain("canary", list.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_user_without_queues_read_is_refused_and_sees_no_card()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var tenantId = (await admin.JsonAsync("/api/v1/me")).GetProperty("tenantId").GetGuid();
        _bunit.AuthorizeAs(tenantId, Guid.NewGuid().ToString(), "Trunk keeper", Permissions.TrunksRead);

        var refused = _bunit.Render<WidgetList>();

        var problem = refused.WaitForElement(".parley-form-problem[data-kind='Forbidden']", AdminHarness.Wait);
        Assert.Contains(Permissions.QueuesRead, problem.TextContent, StringComparison.Ordinal);
        Assert.Empty(refused.FindAll(".parley-row-link"));
        Assert.DoesNotContain("/admin/widgets", _bunit.Render<AdminHome>().FindAll("a.parley-admin-card").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task An_agent_may_look_at_widgets_but_not_change_them()
    {
        var agent = await _bunit.AuthorizeAsAsync(_server, "agent1");
        Assert.DoesNotContain(Permissions.QueuesWrite, agent.Permissions);

        var list = _bunit.Render<WidgetList>();

        list.WaitForAssertion(() => Assert.Contains("Demo web site", list.FindAll(".parley-row-link").Select(a => a.TextContent)), AdminHarness.Wait);
        Assert.DoesNotContain("New widget", list.Markup, StringComparison.Ordinal);
        var form = _bunit.Render<WidgetEdit>();
        Assert.NotNull(form.WaitForElement("fieldset[disabled]", AdminHarness.Wait));
        Assert.Empty(form.FindAll(".parley-save"));
    }

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
