using Microsoft.Playwright;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.EndToEnd;

/// <summary>
/// agent1 in a real browser (Chromium, 1280×720) against the server on a loopback port: signs in through the sign-in page,
/// goes available, gets an interaction created through the REST API, accepts, hangs up and completes wrap-up. Screenshots of
/// the idle workspace, the ringing offer and the wrap-up go to the test output and to <c>docs/images/</c>.
/// </summary>
public sealed class WorkspaceEndToEndTests : BrowserTest
{
    private const float Timeout = Chromium.PageTimeout;

    [Fact]
    public async Task Agent_signs_in_goes_available_accepts_an_api_interaction_ends_and_wraps_up()
    {
        var baseUrl = Server.StartOnLoopback();
        await Server.GiveDemoAgentsDeskPhonesAsync();
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 720 },
            Permissions = ["notifications"],
        });
        context.SetDefaultTimeout(Timeout);
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

        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/sign-in?ReturnUrl=%2F");
        await page.GetByLabel("Tenant").FillAsync(WebAppFactory.Tenant);
        await page.GetByLabel("User name").FillAsync("agent1");
        await page.GetByLabel("Password").FillAsync(WebAppFactory.AgentPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.WaitForURLAsync("**/workspace");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in to routing" }).ClickAsync();
        await Assertions.Expect(page.Locator(".parley-state-name")).ToHaveTextAsync("Available");
        await ShotAsync(page, "workspace-idle.png");

        using var token = await Server.ApiClientAsync();
        var support = await token.QueueIdAsync("Support");
        var sales = await token.QueueIdAsync("Sales");
        await token.CreateInteractionAsync(support, "Voice", new { customerName = "Ada Lovelace", callerNumber = "+15550100" });
        var id = await token.CreateInteractionAsync(sales, "Voice", new { customerName = "Ada Lovelace", callerNumber = "+15550100", calledNumber = "+15550000", language = "en" });

        var offer = page.Locator(".parley-offer");
        await Assertions.Expect(offer).ToContainTextAsync("Ada Lovelace (+15550100)");
        await Assertions.Expect(page.Locator(".parley-countdown")).ToContainTextAsync("s left");
        await ShotAsync(page, "workspace-offer.png");

        await offer.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Assertions.Expect(page.Locator(".parley-call")).ToContainTextAsync("Connected");
        await Assertions.Expect(page.Locator(".parley-previous")).ToContainTextAsync("Support");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hang up" }).ClickAsync();

        var wrapUp = page.Locator(".parley-wrapup");
        await Assertions.Expect(wrapUp).ToBeVisibleAsync();
        await wrapUp.Locator(".rz-dropdown").ClickAsync();
        await page.Locator(".rz-dropdown-item", new() { HasText = "resolved" }).First.ClickAsync();
        await wrapUp.GetByLabel("Notes").FillAsync("Upgraded to the annual plan; send the invoice by email.");
        await Assertions.Expect(wrapUp.Locator(".rz-dropdown")).ToContainTextAsync("resolved");
        await Assertions.Expect(page.Locator(".rz-dropdown-item:visible")).ToHaveCountAsync(0);
        await ShotAsync(page, "workspace-wrapup.png");
        await wrapUp.GetByRole(AriaRole.Button, new() { Name = "Complete wrap-up" }).ClickAsync();
        await Assertions.Expect(page.Locator(".parley-idle")).ToContainTextAsync("Waiting for the next interaction");

        var stored = await token.JsonAsync($"/api/v1/interactions/{id}");
        Assert.Equal("Ended", stored.GetProperty("status").GetString());
        Assert.Equal("Upgraded to the annual plan; send the invoice by email.", stored.GetProperty("wrapUpNotes").GetString());
        Assert.Contains(stored.GetProperty("history").EnumerateArray(), h => h.GetRawText().Contains("resolved", StringComparison.Ordinal));
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        var bytes = await page.ScreenshotAsync();
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, name), bytes);
        await File.WriteAllBytesAsync(Path.Combine(Chromium.DocsImages(), name), bytes);
    }
}
