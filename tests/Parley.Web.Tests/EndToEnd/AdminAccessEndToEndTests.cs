using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Parley.Domain.Security;
using Parley.Web.Tests.Admin;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.EndToEnd;

/// <summary>
/// The console's people, integration and audit pages in Chromium against the server on a loopback port, each test one page
/// and its screenshot in <c>docs/images/admin-*.png</c>; the REST API then confirms what the page did. Any failed request
/// or console error fails the test.
/// </summary>
public sealed class AdminAccessEndToEndTests : BrowserTest
{
    [Fact]
    public async Task The_admin_creates_a_custom_role_and_gives_it_to_a_new_user()
    {
        await using var admin = await AdminBrowser.SignInAsync(Browser, Server.StartOnLoopback(), "/admin/roles");
        var page = admin.Page;
        await Assertions.Expect(page.Locator(".parley-row-link", new() { HasText = "tenant-admin" })).ToBeVisibleAsync();
        await admin.GoByAsync(page.GetByRole(AriaRole.Link, new() { Name = "New role" }), "**/admin/roles/new");
        await page.Locator("input[name='name']").FillAsync("qa-lead");
        await page.Locator("input[name='description']").FillAsync("Reviews interactions and reads the audit log");
        await page.Locator("input[name='perm-users.read']").CheckAsync();
        await page.Locator("input[name='perm-audit.read']").CheckAsync();
        await page.Locator("input[name='perm-quality.review']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync(GuidAddress("roles"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("qa-lead");
        await admin.ShotAsync("admin-role-edit.png");

        await page.Locator("nav[aria-label='Admin']").GetByText("Users").ClickAsync();
        await page.WaitForURLAsync("**/admin/users");
        await Assertions.Expect(page.Locator(".parley-row-link", new() { HasText = "agent1" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("h1")).ToBeFocusedAsync(); // the new page's heading, for screen readers
        await admin.GoByAsync(page.GetByRole(AriaRole.Link, new() { Name = "New user" }), "**/admin/users/new");
        await page.Locator("input[name='userName']").FillAsync("quinn");
        await page.Locator("input[name='displayName']").FillAsync("Quinn Reviewer");
        await page.Locator("input[name='email']").FillAsync("quinn@example.com");
        await page.Locator("input[name='password']").FillAsync("Quinn-Secret-2026!");
        await page.Locator("input[name='role-qa-lead']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync(GuidAddress("users"));
        await page.Locator(".parley-crumbs").GetByText("Users").ClickAsync();
        await Assertions.Expect(page.Locator(".parley-row-link", new() { HasText = "quinn" })).ToBeVisibleAsync();
        await admin.ShotAsync("admin-users.png");

        using var quinn = await Server.SignInAsync("quinn", "Quinn-Secret-2026!");
        var permissions = (await quinn.JsonAsync("/api/v1/me")).GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!).Order();
        Assert.Equal(new[] { Permissions.AuditRead, Permissions.QualityReview, Permissions.UsersRead }.Order(), permissions);
        admin.AssertNoErrors();
    }

    [Fact]
    public async Task The_admin_creates_an_api_client_and_sees_its_secret_once()
    {
        await using var admin = await AdminBrowser.SignInAsync(Browser, Server.StartOnLoopback(), "/admin/api-clients");
        var page = admin.Page;
        // The list has loaded over the circuit (the demo's client), so the page is interactive.
        await Assertions.Expect(page.Locator(".parley-row-link").First).ToBeVisibleAsync();
        await admin.GoByAsync(page.GetByRole(AriaRole.Link, new() { Name = "New API client" }), "**/admin/api-clients/new");
        await page.Locator("input[name='name']").FillAsync("CRM sync");
        await page.Locator("input[name='perm-interactions.write']").CheckAsync();
        await page.Locator("input[name='perm-queues.read']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        var secret = await page.Locator(".parley-secret-value").TextContentAsync();
        var clientId = await page.Locator(".parley-secret-id").TextContentAsync();
        await admin.ShotAsync("admin-api-client-secret.png");

        using var client = Server.CreateClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId!, ["client_secret"] = secret!,
        });
        using var token = await client.PostAsync("/connect/token", form, Xunit.TestContext.Current.CancellationToken);
        Assert.True(token.IsSuccessStatusCode, $"the secret shown gets a token: {(int)token.StatusCode}");
        admin.AssertNoErrors();
    }

    [Fact]
    public async Task The_admin_subscribes_a_webhook_sends_a_test_and_sees_it_delivered()
    {
        await using var catcher = new HookCatcher();
        await using var admin = await AdminBrowser.SignInAsync(Browser, Server.StartOnLoopback(), "/admin/webhooks");
        var page = admin.Page;
        await Assertions.Expect(page.GetByText("No webhooks match.")).ToBeVisibleAsync();
        await admin.GoByAsync(page.GetByRole(AriaRole.Link, new() { Name = "New webhook" }), "**/admin/webhooks/new");
        await page.Locator("input[name='url']").FillAsync(catcher.Url);
        await page.Locator("input[name='eventTypes']").FillAsync("interaction.offered, interaction.ended");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".parley-secret-value")).ToBeVisibleAsync();
        await admin.GoByAsync(page.GetByRole(AriaRole.Link, new() { Name = "Open the webhook" }), GuidAddress("webhooks"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Send test" }).ClickAsync();
        await catcher.FirstAsync();
        var delivered = page.Locator(".parley-delivery-status[data-status='Delivered']");
        var waited = Stopwatch.StartNew();
        while (await delivered.CountAsync() == 0 && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
            await page.WaitForTimeoutAsync(200);
        }

        await Assertions.Expect(delivered).ToHaveCountAsync(1);
        await admin.ShotAsync("admin-webhook.png");
        admin.AssertNoErrors();
    }

    [Fact]
    public async Task The_admin_reads_the_audit_log_filtered_by_actor_under_the_verified_chain()
    {
        var baseUrl = Server.StartOnLoopback();
        using (var api = await Server.SignInAsync("admin", "Test-Admin-Secret-1"))
        {
            await api.SendAsync(HttpMethod.Post, "/api/v1/not-ready-reasons", new { code = "audit-probe", name = "Audit probe" });
            await api.SendAsync(HttpMethod.Post, "/api/v1/roles", new { name = "night-shift", permissions = new[] { Permissions.UsersRead } });
        }

        await using var admin = await AdminBrowser.SignInAsync(Browser, baseUrl, "/admin/audit", slowLink: true);
        var page = admin.Page;
        // Typed at a person's pace on a slow link, as soon as the field shows: each letter reloads the list and no render may
        // eat a later letter, and the page's late "focus the heading" must not take the focus out of the field.
        var actor = page.Locator("input[name='actor']");
        await actor.PressSequentiallyAsync("admin", new() { Delay = 100 });
        await Assertions.Expect(actor).ToHaveValueAsync("admin");
        await Assertions.Expect(page.Locator(".parley-verify[data-valid='true']")).ToContainTextAsync("Chain verified");
        await Assertions.Expect(page.Locator(".parley-audit-action", new() { HasText = "roles.create" })).ToBeVisibleAsync();
        await admin.ShotAsync("admin-audit.png");
        admin.AssertNoErrors();
    }

    private static Regex GuidAddress(string list) => new($"/admin/{list}/[0-9a-f-]{{36}}$");
}
