using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Parley.Web.Tests.Admin;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.EndToEnd;

/// <summary>
/// The phone number, SIP trunk and schedule pages in Chromium against the server on a loopback port, each test one page and its
/// screenshot in <c>docs/images/admin-*.png</c>; the REST API then confirms what the page did. Any failed request or console
/// error fails the test.
/// </summary>
public sealed class TelephonyAdminEndToEndTests : BrowserTest
{
    [Fact]
    public async Task The_admin_points_an_assigned_number_at_a_queue()
    {
        var baseUrl = Server.StartOnLoopback();
        await Server.AssignNumberToDemoTenantAsync("+442071838750");
        await using var admin = await AdminBrowser.SignInAsync(Browser, baseUrl, "/admin/numbers");
        var page = admin.Page;
        await Assertions.Expect(page.Locator(".parley-row-link").First).ToBeVisibleAsync();
        await admin.GoByAsync(page.GetByRole(AriaRole.Link, new() { Name = "Point a number" }), "**/admin/numbers/new");
        await page.Locator("input[name='number']").FillAsync("+442071838750");
        await page.Locator("input[name='description']").FillAsync("London office");
        await admin.ChooseAsync(new Regex("^Queue$"), "Sales");
        await admin.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save" }), GuidAddress("numbers"));
        await page.Locator(".parley-crumbs").GetByText("Phone numbers").ClickAsync();
        await Assertions.Expect(page.Locator("tr", new() { HasText = "+442071838750" }).Locator(".parley-number-target")).ToHaveTextAsync("Queue Sales");
        await admin.ShotAsync("admin-numbers.png");

        using var api = await Server.SignInAsync("admin", AdminHarness.AdminPassword);
        var numbers = await api.JsonAsync("/api/v1/numbers?limit=200");
        var pointed = numbers.GetProperty("items").EnumerateArray().Single(n => n.GetProperty("number").GetString() == "+442071838750");
        Assert.Equal(await api.QueueIdAsync("Sales"), pointed.GetProperty("targetId").GetGuid());
        admin.AssertNoErrors();
    }

    [Fact]
    public async Task The_admin_is_told_in_place_that_a_trunks_address_block_is_wrong()
    {
        await using var admin = await AdminBrowser.SignInAsync(Browser, Server.StartOnLoopback(), "/admin/trunks/new");
        var page = admin.Page;
        await page.Locator("input[name='name']").FillAsync("Carrier A");
        await page.Locator("textarea[name='allowedAddresses']").FillAsync("203.0.113.0/24\n10.1.2.3/8");
        await page.Locator("input[name='outboundHost']").FillAsync("sip.carrier.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".parley-field-error[data-field='allowedAddresses']")).ToContainTextAsync("10.1.2.3/8");
        await admin.ShotAsync("admin-trunk-edit.png");
        admin.AssertNoErrors();
    }

    [Fact]
    public async Task The_admin_creates_a_schedule_with_a_holiday()
    {
        await using var admin = await AdminBrowser.SignInAsync(Browser, Server.StartOnLoopback(), "/admin/schedules/new");
        var page = admin.Page;
        await page.Locator("input[name='name']").FillAsync("London office");
        await page.Locator("input[name='timeZone']").FillAsync("Europe/London");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add holiday" }).ClickAsync();
        await page.Locator("input[name='holidays-0-date']").FillAsync("2026-12-25");
        await page.Locator("input[name='holidays-0-name']").FillAsync("Christmas Day");
        await admin.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save" }), GuidAddress("schedules"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("London office");
        await admin.ShotAsync("admin-schedule-edit.png");

        using var api = await Server.SignInAsync("admin", AdminHarness.AdminPassword);
        var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var schedule = await api.JsonAsync($"/api/v1/schedules/{id}");
        Assert.Equal("Christmas Day", schedule.GetProperty("holidays")[0].GetProperty("name").GetString());
        admin.AssertNoErrors();
    }

    private static Regex GuidAddress(string list) => new($"/admin/{list}/[0-9a-f-]{{36}}$");
}
