using Microsoft.Playwright;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.EndToEnd;

/// <summary>
/// A customer on <c>/demo/chat</c> and agent3 (agent1 has no support skill) in the workspace, in two Chromium contexts against the server on a loopback
/// port: the customer starts a chat and writes, the agent goes available, accepts, replies; the customer sees the agent's
/// name and the reply. Screenshots of the widget and the workspace's chat tab go to the output and <c>docs/images/</c>.
/// </summary>
public sealed class WebChatEndToEndTests : IAsyncLifetime
{
    private const float Timeout = 20_000;
    private readonly WebAppFactory _server = new();
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    [Fact]
    public async Task A_customer_writes_from_the_demo_page_and_sees_the_agents_reply()
    {
        var baseUrl = _server.StartOnLoopback();
        await using var customerContext = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 720 },
        });
        await using var agentContext = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 720 }, Permissions = ["notifications"],
        });
        customerContext.SetDefaultTimeout(Timeout);
        agentContext.SetDefaultTimeout(Timeout);
        var errors = new List<string>();
        var customer = await customerContext.NewPageAsync();
        var agent = await agentContext.NewPageAsync();
        foreach (var page in new[] { customer, agent })
        {
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    errors.Add(message.Text + " " + message.Location);
                }
            };
        }

        await customer.GotoAsync("/demo/chat");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).ClickAsync();
        await customer.GetByLabel("Your name").FillAsync("Ada Lovelace");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await customer.GetByLabel("Your message").FillAsync("Hello, is the <b>brass lamp</b> in stock?");
        await customer.GetByLabel("Your message").PressAsync("Enter");
        await Assertions.Expect(customer.Locator(".msg.customer:not(.pending)")).ToHaveCountAsync(1);
        await Assertions.Expect(customer.Locator(".status")).ToContainTextAsync("in the queue");

        await agent.GotoAsync("/sign-in?ReturnUrl=%2Fworkspace");
        await agent.GetByLabel("Tenant").FillAsync(WebAppFactory.Tenant);
        await agent.GetByLabel("User name").FillAsync("agent3");
        await agent.GetByLabel("Password").FillAsync(WebAppFactory.AgentPassword);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await agent.WaitForURLAsync("**/workspace");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in to routing" }).ClickAsync();
        var offer = agent.Locator(".parley-offer");
        await Assertions.Expect(offer).ToContainTextAsync("Ada Lovelace");
        await offer.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();

        var chat = agent.Locator(".parley-chat");
        await Assertions.Expect(chat.Locator(".parley-chat-msg.customer")).ToContainTextAsync("Hello, is the <b>brass lamp</b> in stock?");
        await Assertions.Expect(customer.Locator(".status")).ToContainTextAsync("has joined the chat");
        await chat.GetByLabel("Reply to the customer").FillAsync("Yes, we have three. See https://shop.example/brass");
        await chat.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Assertions.Expect(customer.Locator(".msg.agent")).ToContainTextAsync("Yes, we have three.");
        await Assertions.Expect(customer.Locator(".msg.agent a")).ToHaveAttributeAsync("href", "https://shop.example/brass");
        await Assertions.Expect(chat.Locator(".parley-chat-msg.agent")).ToContainTextAsync("Yes, we have three.");
        await ShotAsync(customer, "webchat-widget.png");
        await ShotAsync(agent, "workspace-chat.png");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        var bytes = await page.ScreenshotAsync();
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, name), bytes);
        await File.WriteAllBytesAsync(Path.Combine(Chromium.DocsImages(), name), bytes);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
    }
}
