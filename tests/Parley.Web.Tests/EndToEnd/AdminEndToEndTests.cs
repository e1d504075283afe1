using System.Text.Json;
using Microsoft.Playwright;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.EndToEnd;

/// <summary>
/// The admin console in a real browser (Chromium, 1280×720) against the server on a loopback port: the tenant administrator
/// signs in through the sign-in page, opens Admin, creates a queue and changes an agent's skill; the REST API then reads both.
/// Any failed request or console error fails the test. Screenshots go to the test output and to <c>docs/images/admin-*.png</c>.
/// </summary>
public sealed class AdminEndToEndTests : BrowserTest
{
    [Fact]
    public async Task The_admin_signs_in_creates_a_queue_and_edits_an_agents_skill()
    {
        var baseUrl = Server.StartOnLoopback();
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 720 },
        });
        context.SetDefaultTimeout(Chromium.PageTimeout);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text + " " + message.Location);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                errors.Add($"{response.Status} {response.Url}");
            }
        };

        await page.GotoAsync("/admin");
        await page.WaitForURLAsync("**/sign-in?ReturnUrl=%2Fadmin");
        await page.GetByLabel("Tenant").FillAsync(WebAppFactory.Tenant);
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync("Test-Admin-Secret-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/admin");
        // The tenant admin holds every permission a tenant may hold: every card but the platform operator's.
        var tenantCards = Parley.Server.Web.Layout.AdminAreas.All.Count(a => !Parley.Domain.Security.Permissions.Catalogue.Single(p => p.Name == a.Permission).PlatformOnly);
        await Assertions.Expect(page.Locator(".parley-admin-card")).ToHaveCountAsync(tenantCards);
        await ShotAsync(page, "admin-home.png");

        // A new queue: name, channels, service level, a wrap-up code and the dashboard's thresholds.
        await page.Locator("nav[aria-label='Admin']").GetByText("Queues").ClickAsync();
        await page.WaitForURLAsync("**/admin/queues");
        await Assertions.Expect(page.Locator(".parley-row-link", new() { HasText = "Sales" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New queue" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/queues/new");
        await page.Locator("input[name='name']").FillAsync("Escalations");
        await page.Locator(".rz-chkbox-box").Nth(2).ClickAsync(); // Voice, Video, Chat…
        await page.Locator("input[name='serviceLevelTargetSeconds']").FillAsync("30");
        await page.Locator("input[name='wrapUpCodes']").FillAsync("resolved, escalated");
        await page.GetByLabel("Contacts in queue, amber").FillAsync("3");
        await page.GetByLabel("Contacts in queue, red").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/admin/queues/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Escalations");
        await ShotAsync(page, "admin-queue-edit.png");
        await page.Locator(".parley-crumbs").GetByText("Queues").ClickAsync();
        await Assertions.Expect(page.Locator(".parley-row-link")).ToHaveCountAsync(3);
        await ShotAsync(page, "admin-queues.png");

        // Support's wrap-up is Optional with a 30-s limit the engine enforces: the form shows the limit (and so keeps it).
        await page.Locator(".parley-row-link", new() { HasText = "Support" }).ClickAsync();
        var limit = page.Locator("input[name='wrapUpTimeLimitSeconds']");
        await Assertions.Expect(limit).ToHaveValueAsync("30");
        await limit.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "admin-queue-optional-wrap-up.png") });

        // Alice's sales skill drops from 5 to 2.
        await page.Locator("nav[aria-label='Admin']").GetByText("Agents").ClickAsync();
        await page.WaitForURLAsync("**/admin/agents");
        await page.Locator(".parley-row-link", new() { HasText = "Alice Agent" }).ClickAsync();
        var proficiency = page.Locator("tr[data-skill='sales'] td:nth-child(2) input");
        await Assertions.Expect(proficiency).ToHaveValueAsync("5");
        await proficiency.FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".parley-saved")).ToBeVisibleAsync();
        await ShotAsync(page, "admin-agent-edit.png");

        using var api = await Server.SignInAsync("admin", "Test-Admin-Secret-1");
        var queues = await api.JsonAsync("/api/v1/queues?limit=200");
        var escalations = queues.GetProperty("items").EnumerateArray().Single(q => q.GetProperty("name").GetString() == "Escalations");
        Assert.Equal(["Voice", "Chat"], escalations.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(30, escalations.GetProperty("serviceLevelTargetSeconds").GetInt32());
        Assert.Equal(["resolved", "escalated"], escalations.GetProperty("wrapUpCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(3, escalations.GetProperty("thresholds").GetProperty("contactsInQueueAmber").GetInt32());
        var agents = await api.JsonAsync("/api/v1/agents?limit=200");
        var alice = agents.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("displayName").GetString() == "Alice Agent");
        Assert.Contains(alice.GetProperty("skills").EnumerateArray(), s => s.GetProperty("proficiency").GetInt32() == 2);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    /// <summary>From the top of the page, without the focus ring the router puts on the heading.</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, 0); document.querySelectorAll('.rz-body').forEach(b => b.scrollTop = 0); }");
        var bytes = await page.ScreenshotAsync();
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, name), bytes);
        await File.WriteAllBytesAsync(Path.Combine(Chromium.DocsImages(), name), bytes);
    }
}
