using Microsoft.Playwright;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.EndToEnd;

/// <summary>
/// The wrap-up codes page in Chromium against the server on a loopback port: the administrator offers a new code on two
/// queues from the page and sees it listed with both, then the REST API confirms it; screenshot
/// <c>docs/images/admin-wrap-up-codes.png</c>. Any failed request or console error fails the test.
/// </summary>
public sealed class WrapUpCodesEndToEndTests : BrowserTest
{
    [Fact]
    public async Task The_admin_offers_a_code_on_two_queues_and_sees_it_listed_with_both()
    {
        await using var admin = await AdminBrowser.SignInAsync(Browser, Server.StartOnLoopback(), "/admin/wrap-up-codes");
        var page = admin.Page;
        await Assertions.Expect(page.Locator(".parley-wrapup-code", new() { HasText = "resolved" })).ToBeVisibleAsync();

        await page.GetByLabel("New code").FillAsync("warranty-claim");
        await page.Locator(".parley-wrapup-add .rz-dropdown").ClickAsync();
        var choices = page.Locator(".rz-multiselect-item");
        await choices.Nth(0).ClickAsync();
        await choices.Nth(1).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.GetByRole(AriaRole.Button, new() { Name = "Offer code" }).ClickAsync();

        var row = page.Locator("tr", new() { Has = page.Locator(".parley-wrapup-code", new() { HasText = "warranty-claim" }) });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync(",");
        await admin.ShotAsync("admin-wrap-up-codes.png");
        admin.AssertNoErrors();

        using var api = await Server.SignInAsync("admin", "Test-Admin-Secret-1");
        var codes = await api.JsonAsync("/api/v1/wrap-up-codes?filter=warranty");
        var code = Assert.Single(codes.GetProperty("items").EnumerateArray());
        Assert.Equal(2, code.GetProperty("queues").GetArrayLength());
    }
}
