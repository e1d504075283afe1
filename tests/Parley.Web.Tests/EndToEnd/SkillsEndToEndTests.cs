using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.EndToEnd;

/// <summary>
/// Routing by skill from the console alone, in Chromium against the server on a loopback port: the administrator makes a skill
/// on the skills page, requires it on the Sales queue's form, and the skill's page then names the queue; the REST API confirms
/// the requirement. Screenshots <c>docs/images/admin-skills.png</c> and <c>admin-skill-edit.png</c>. Any failed request or
/// console error fails the test.
/// </summary>
public sealed partial class SkillsEndToEndTests : BrowserTest
{
    [Fact]
    public async Task The_admin_makes_a_skill_and_requires_it_on_a_queue()
    {
        await using var admin = await AdminBrowser.SignInAsync(Browser, Server.StartOnLoopback(), "/admin/skills");
        var page = admin.Page;
        await Assertions.Expect(page.Locator(".parley-row-link", new() { HasText = "french" })).ToBeVisibleAsync();

        await admin.GoByAsync(page.GetByRole(AriaRole.Link, new() { Name = "New skill" }), "**/admin/skills/new");
        await page.Locator("input[name='name']").FillAsync("spanish");
        await page.Locator("textarea[name='description']").FillAsync("Speaks Spanish with customers");
        await admin.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save" }), SkillAddress());
        await Assertions.Expect(page.Locator(".parley-form-actions [role='status']")).ToHaveTextAsync("Saved.");
        await admin.GoByAsync(page.Locator(".parley-crumbs").GetByText("Skills"), "**/admin/skills");
        await Assertions.Expect(page.Locator(".parley-row-link", new() { HasText = "spanish" })).ToBeVisibleAsync();
        await admin.ShotAsync("admin-skills.png");

        // Sales requires sales already; it now requires spanish at 2 or better too.
        await admin.GoByAsync(page.Locator("nav[aria-label='Admin']").GetByText("Queues"), "**/admin/queues");
        await admin.GoByAsync(page.Locator(".parley-row-link", new() { HasText = "Sales" }), QueueAddress());
        await Assertions.Expect(page.Locator("tr[data-skill='sales']")).ToBeVisibleAsync();
        var rows = page.Locator(".parley-skill-table tbody tr");
        var before = await rows.CountAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add required skill" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(before + 1); // the new row is there: choosing now changes it, not the sales row
        var row = rows.Last;
        await admin.ChooseAsync(row.Locator(".rz-dropdown"), "spanish");
        await page.Locator("tr[data-skill='spanish']").GetByLabel("Minimum proficiency").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".parley-form-actions [role='status']")).ToHaveTextAsync("Saved.");

        await admin.GoByAsync(page.Locator("nav[aria-label='Admin']").GetByText("Skills"), "**/admin/skills");
        await admin.GoByAsync(page.Locator(".parley-row-link", new() { HasText = "spanish" }), SkillAddress());
        await Assertions.Expect(page.Locator(".parley-skill-queues")).ToHaveTextAsync(new Regex(@"Sales\s*\(at least 2\)"));
        await admin.ShotAsync("admin-skill-edit.png");
        admin.AssertNoErrors();

        using var api = await Server.SignInAsync("admin", "Test-Admin-Secret-1");
        var skills = await api.JsonAsync("/api/v1/skills?limit=200");
        var spanish = skills.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "spanish").GetProperty("id").GetGuid();
        var sales = await api.JsonAsync($"/api/v1/queues/{await api.QueueIdAsync("Sales")}");
        Assert.Contains(sales.GetProperty("requiredSkills").EnumerateArray(), s => s.GetProperty("skillId").GetGuid() == spanish && s.GetProperty("minProficiency").GetInt32() == 2);
    }

    [GeneratedRegex("/admin/skills/[0-9a-f-]{36}$")]
    private static partial Regex SkillAddress();

    [GeneratedRegex("/admin/queues/[0-9a-f-]{36}$")]
    private static partial Regex QueueAddress();
}
