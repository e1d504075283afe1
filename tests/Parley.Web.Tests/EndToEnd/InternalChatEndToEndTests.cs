using System.Net.Http.Json;
using Microsoft.Playwright;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.EndToEnd;

/// <summary>
/// agent1 and agent2 in two browser contexts (Chromium, 1280×720): agent1, on a slow link, opens the chat with Bob, types
/// <c>/co</c> at full speed (no letter lost to a late render), inserts the canned response with the keyboard and sends; agent2's workspace shows the unread count and the message without reloading.
/// Screenshots of the canned-response list and agent2's conversation go to the test output and to <c>docs/images/</c>.
/// </summary>
public sealed class InternalChatEndToEndTests : BrowserTest
{
    private const float Timeout = Chromium.PageTimeout;

    [Fact]
    public async Task Agent1_writes_to_agent2_with_a_canned_response_and_agent2s_workspace_shows_it()
    {
        var baseUrl = Server.StartOnLoopback();
        using (var alice = await Server.SignInAsync("agent1"))
        {
            using var created = await alice.PostAsJsonAsync(
                "/api/v1/canned-responses", new { shortcut = "cover", title = "Ask for cover", text = "Could you cover my queue for ten minutes? — {{agent.name}}" },
                Xunit.TestContext.Current.CancellationToken);
            created.EnsureSuccessStatusCode();
        }

        var errors = new List<string>();
        await using var aliceContext = await NewContextAsync(baseUrl);
        await SlowLink.UseAsync(aliceContext);
        await using var bobContext = await NewContextAsync(baseUrl);
        var bob = await SignInAsync(bobContext, "agent2", errors);
        var alicePage = await SignInAsync(aliceContext, "agent1", errors);

        await Assertions.Expect(alicePage.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Bob Agent, online") })).ToBeVisibleAsync();
        await alicePage.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Bob Agent") }).ClickAsync();
        var box = alicePage.GetByLabel("Message to Bob Agent");
        await box.PressSequentiallyAsync("/co", new() { Delay = 100 });
        await Assertions.Expect(alicePage.Locator(".parley-canned-option", new() { HasText = "/cover" })).ToBeVisibleAsync();
        await ShotAsync(alicePage, "workspace-canned-responses.png");
        await box.PressAsync("Enter");
        await Assertions.Expect(box).ToHaveValueAsync("Could you cover my queue for ten minutes? — Alice Agent");
        await box.PressAsync("Enter");
        await Assertions.Expect(alicePage.Locator(".parley-message.mine")).ToContainTextAsync("Could you cover my queue");

        var aliceButton = bob.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Alice Agent, online, 1 unread") });
        await Assertions.Expect(aliceButton).ToBeVisibleAsync();
        await aliceButton.ClickAsync();
        await Assertions.Expect(bob.Locator(".parley-message")).ToContainTextAsync("Could you cover my queue for ten minutes? — Alice Agent");
        await bob.GetByLabel("Message to Alice Agent").FillAsync("Sure, go ahead.");
        await bob.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(alicePage.Locator(".parley-message").Last).ToContainTextAsync("Sure, go ahead.");
        await ShotAsync(bob, "workspace-internal-chat.png");

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    private Task<IBrowserContext> NewContextAsync(Uri baseUrl) => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = baseUrl.ToString(),
        ViewportSize = new ViewportSize { Width = 1280, Height = 720 },
    });

    private static async Task<IPage> SignInAsync(IBrowserContext context, string userName, List<string> errors)
    {
        context.SetDefaultTimeout(Timeout);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{userName}: {message.Text} {message.Location}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                errors.Add($"{userName}: {response.Status} {response.Url}");
            }
        };
        await page.GotoAsync("/sign-in?ReturnUrl=%2Fworkspace");
        await page.GetByLabel("Tenant").FillAsync(WebAppFactory.Tenant);
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(WebAppFactory.AgentPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/workspace");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Colleagues" })).ToBeVisibleAsync();
        return page;
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        await page.Locator(".parley-colleagues-panel").ScrollIntoViewIfNeededAsync();
        var bytes = await page.ScreenshotAsync();
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, name), bytes);
        await File.WriteAllBytesAsync(Path.Combine(Chromium.DocsImages(), name), bytes);
    }
}
