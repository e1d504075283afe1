using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Parley.Web.Tests.Admin;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.EndToEnd;

/// <summary>
/// The chat widget page and the platform operator's tenants page in Chromium against the server on a loopback port: the preview
/// follows the typing, the saved widget shows the tag to paste (and copies it); a tenant is created and suspended. Screenshots go to
/// <c>docs/images/admin-widget.png</c> and <c>docs/images/platform-tenants.png</c>; any failed request or console error fails the test.
/// </summary>
public sealed class ConsoleAdminEndToEndTests : BrowserTest
{
    [Fact]
    public async Task The_widget_preview_follows_the_typing_and_the_saved_widget_shows_the_tag_to_paste()
    {
        var baseUrl = Server.StartOnLoopback();
        await using var admin = await AdminBrowser.SignInAsync(Browser, baseUrl, "/admin/widgets/new");
        var page = admin.Page;
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = baseUrl.GetLeftPart(UriPartial.Authority) });
        await page.Locator("input[name='title']").FillAsync("Talk to the shop");
        await Assertions.Expect(page.Locator(".parley-widget-title")).ToHaveTextAsync("Talk to the shop");
        await page.Locator("input[name='colour']").FillAsync("#ad1457");
        await Assertions.Expect(page.Locator(".parley-widget-head")).ToHaveCSSAsync("background-color", "rgb(173, 20, 87)");
        await Assertions.Expect(page.Locator(".parley-widget-launch")).ToHaveCSSAsync("background-color", "rgb(173, 20, 87)");
        await page.Locator("textarea[name='greeting']").FillAsync("Hello! We answer within a minute.");
        await Assertions.Expect(page.Locator(".parley-widget-greeting")).ToHaveTextAsync("Hello! We answer within a minute.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add field" }).ClickAsync();
        await page.Locator("input[name='preChat-0-label']").FillAsync("Your name");
        await page.Locator("input[name='preChat-0-key']").FillAsync("name");
        await Assertions.Expect(page.Locator(".parley-widget-prechat label")).ToHaveTextAsync("Your name");
        await page.Locator("input[name='name']").FillAsync("Shop");
        await admin.ChooseAsync(new Regex("^Queue"), "Sales");
        await page.Locator("textarea[name='allowedOrigins']").FillAsync("https://shop.example");
        await admin.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save" }), new Regex("/admin/widgets/[0-9a-f-]{36}$"));

        var snippet = page.Locator(".parley-snippet");
        await Assertions.Expect(snippet).ToContainTextAsync($"<script src=\"{baseUrl.GetLeftPart(UriPartial.Authority)}/webchat/widget.js\" data-widget-key=\"");
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy" }).ClickAsync();
        await Assertions.Expect(page.Locator(".parley-widget-snippet [role='status']")).ToHaveTextAsync("Copied.");
        await Assertions.Expect(page.Locator(".parley-widget-title")).ToHaveTextAsync("Talk to the shop");
        await admin.ShotAsync("admin-widget.png");

        using var api = await Server.SignInAsync("admin", AdminHarness.AdminPassword);
        var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var widget = await api.JsonAsync($"/api/v1/webchat/widgets/{id}");
        Assert.Equal("#ad1457", widget.GetProperty("colour").GetString());
        Assert.Contains(widget.GetProperty("key").GetString()!, await snippet.TextContentAsync(), StringComparison.Ordinal);
        admin.AssertNoErrors();
    }

    [Fact]
    public async Task The_platform_operator_creates_a_tenant_and_suspends_it()
    {
        await using var operatorBrowser = await AdminBrowser.SignInAsync(
            Browser, Server.StartOnLoopback(), "/admin/platform/tenants", "platform", "operator", AdminHarness.OperatorPassword);
        var page = operatorBrowser.Page;
        await Assertions.Expect(page.Locator(".parley-row-link", new() { HasText = "demo" })).ToBeVisibleAsync();
        await operatorBrowser.GoByAsync(page.GetByRole(AriaRole.Link, new() { Name = "New tenant" }), "**/admin/platform/tenants/new");
        await page.Locator("input[name='slug']").FillAsync("acme");
        await page.Locator("input[name='name']").FillAsync("Acme Ltd");
        await page.Locator("input[name='timeZone']").FillAsync("Europe/Berlin");
        await page.Locator("input[name='adminUserName']").FillAsync("boss");
        await page.Locator("input[name='adminPassword']").FillAsync("Acme-Admin-2026!");
        await operatorBrowser.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Create tenant" }), new Regex("/admin/platform/tenants/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("input[name='voiceSeats']")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Suspend" }).ClickAsync();
        await page.Locator(".parley-confirm-yes").ClickAsync();
        await Assertions.Expect(page.Locator("dd.parley-tenant-status")).ToHaveTextAsync("Suspended");
        await page.Locator(".parley-crumbs").GetByText("Tenants").ClickAsync();
        await Assertions.Expect(page.Locator("tr", new() { HasText = "acme" }).Locator(".parley-tenant-status")).ToHaveTextAsync("Suspended");
        await operatorBrowser.ShotAsync("platform-tenants.png");

        using var platform = await Server.OperatorAsync();
        var id = (await platform.JsonAsync("/api/v1/platform/tenants?limit=200")).GetProperty("items").EnumerateArray()
            .Single(t => t.GetProperty("slug").GetString() == "acme");
        Assert.Equal("Suspended", id.GetProperty("status").GetString());
        operatorBrowser.AssertNoErrors();
    }
}
