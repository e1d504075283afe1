using System.Text.Json;
using Microsoft.Playwright;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.EndToEnd;

/// <summary>
/// Issue 9's proof in Chromium, three browser contexts against the server on a loopback port: a customer on
/// <c>/demo/chat</c>, Carol (agent3) and Bob (agent2) in the workspace (agent1 has no support skill). The customer writes,
/// Carol goes available, accepts and replies; typing shows both ways; the test cuts the customer's network (offline and
/// the socket closed) while both sides write, and every message arrives once; Carol transfers to Bob with a note; Bob
/// replies, ends and wraps up; the supervisor's realtime API shows the chat on the way. Screenshots of the widget, the
/// workspace's chat tab and the transfer form go to the output and <c>docs/images/</c>.
/// </summary>
public sealed class WebChatEndToEndTests : BrowserTest
{
    private const float Timeout = Chromium.PageTimeout;

    [Fact]
    public async Task A_customer_chats_through_a_reconnect_and_a_transfer_to_a_second_agent_and_the_supervisor_sees_it()
    {
        var baseUrl = Server.StartOnLoopback();
        await using var customerContext = await NewContextAsync(baseUrl, notifications: false);
        await using var carolContext = await NewContextAsync(baseUrl, notifications: true);
        await using var bobContext = await NewContextAsync(baseUrl, notifications: true);
        // Every WebSocket the widget opens is remembered, so the test can cut the customer's connection.
        await customerContext.AddInitScriptAsync("(() => { const W = window.WebSocket; window.__sockets = []; window.WebSocket = function (u, p) { const s = new W(u, p); window.__sockets.push(s); return s; }; window.WebSocket.prototype = W.prototype; Object.assign(window.WebSocket, { OPEN: 1, CLOSED: 3 }); })()");
        var errors = new List<string>();
        var cut = false;
        var customer = await customerContext.NewPageAsync();
        var carol = await carolContext.NewPageAsync();
        var bob = await bobContext.NewPageAsync();
        foreach (var page in new[] { customer, carol, bob })
        {
            page.Console += (_, message) =>
            {
                // While the test holds the customer offline, the widget's reconnect attempts fail: expected.
                if (message.Type == "error" && !(cut && page == customer))
                {
                    errors.Add(message.Text + " " + message.Location);
                }
            };
        }

        using var supervisor = await Server.SignInAsync("supervisor", "Test-Supervisor-Secret-1");

        // The customer starts a chat and writes; Carol (agent3: support skill) accepts it.
        await customer.GotoAsync("/demo/chat");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).ClickAsync();
        await customer.GetByLabel("Your name").FillAsync("Ada Lovelace");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await customer.GetByLabel("Your message").FillAsync("Hello, is the <b>brass lamp</b> in stock?");
        await customer.GetByLabel("Your message").PressAsync("Enter");
        await Assertions.Expect(customer.Locator(".msg.customer:not(.pending)")).ToHaveCountAsync(1);
        await Assertions.Expect(customer.Locator(".status")).ToContainTextAsync("in the queue");

        await SignInAsync(carol, "agent3");
        var offer = carol.Locator(".parley-offer");
        await Assertions.Expect(offer).ToContainTextAsync("Ada Lovelace");
        await Assertions.Expect(offer.GetByRole(AriaRole.Button, new() { Name = "Accept" }).Locator("i")).ToHaveTextAsync("chat");
        await Assertions.Expect(carol.Locator(".parley-state-name")).ToHaveTextAsync("Offer ringing");
        await carol.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "workspace-chat-offer.png") });
        await offer.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        var carolChat = carol.Locator(".parley-chat");
        await Assertions.Expect(carolChat.Locator(".parley-chat-msg.customer")).ToContainTextAsync("Hello, is the <b>brass lamp</b> in stock?");
        await Assertions.Expect(customer.Locator(".status")).ToContainTextAsync("Carol Agent has joined the chat");

        // The supervisor's realtime API shows the chat in Carol's hands.
        var onChat = await DashboardAsync(supervisor);
        Assert.Equal(1, Row(onChat, "channels", "Chat").GetProperty("agents").GetProperty("onContact").GetInt32());
        Assert.Contains(Agent(onChat, "Carol Agent").GetProperty("interactions").EnumerateArray(), i => i.GetProperty("channel").GetString() == "Chat");

        // Typing indicators both ways.
        await customer.GetByLabel("Your message").FillAsync("I also need");
        await Assertions.Expect(carolChat.Locator(".parley-chat-typing")).ToHaveTextAsync("Ada Lovelace is typing…");
        await customer.GetByLabel("Your message").FillAsync("");
        await carolChat.GetByLabel("Reply to the customer").FillAsync("Yes, we have three.");
        await Assertions.Expect(customer.Locator(".typing")).ToHaveTextAsync("Carol Agent is typing…");
        await carolChat.GetByLabel("Reply to the customer").PressAsync("Enter");
        await Assertions.Expect(customer.Locator(".msg.agent")).ToContainTextAsync("Yes, we have three.");

        // The customer's network goes away in the middle: both sides write meanwhile, everything arrives once.
        cut = true;
        await customerContext.SetOfflineAsync(true);
        await customer.EvaluateAsync("() => window.__sockets.forEach(s => s.close())");
        await customer.GetByLabel("Your message").FillAsync("Written while offline.");
        await customer.GetByLabel("Your message").PressAsync("Enter");
        await Assertions.Expect(customer.Locator(".msg.customer.pending")).ToHaveCountAsync(1);
        await carolChat.GetByLabel("Reply to the customer").FillAsync("Are you still there? See https://shop.example/brass");
        await carolChat.GetByLabel("Reply to the customer").PressAsync("Enter");
        await Assertions.Expect(carolChat.Locator(".parley-chat-msg.agent")).ToHaveCountAsync(2);
        await customerContext.SetOfflineAsync(false);
        await Assertions.Expect(customer.Locator(".msg.customer:not(.pending)")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        cut = false;
        await Assertions.Expect(customer.Locator(".msg.agent")).ToHaveCountAsync(2);
        await Assertions.Expect(customer.Locator(".msg.agent a")).ToHaveAttributeAsync("href", "https://shop.example/brass");
        await Assertions.Expect(carolChat.Locator(".parley-chat-msg.customer")).ToHaveCountAsync(2);
        await Assertions.Expect(carolChat.Locator(".parley-chat-msg.customer").Last).ToContainTextAsync("Written while offline.");

        // Bob (agent2) comes on; Carol transfers the chat to him with a note.
        await SignInAsync(bob, "agent2");
        await Assertions.Expect(bob.Locator(".parley-state-name")).ToHaveTextAsync("Available");
        await carolChat.Locator(".parley-chat-send button", new() { HasText = "Transfer" }).ClickAsync();
        var transfer = carolChat.Locator(".parley-chat-transfer");
        await transfer.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = "Bob Agent" });
        await transfer.GetByLabel("Note for the next agent").FillAsync("Wants the brass lamp delivered by Friday.");
        await ShotAsync(carol, "workspace-chat-transfer.png");
        await transfer.Locator("button", new() { HasText = "Transfer" }).ClickAsync();
        await Assertions.Expect(customer.Locator(".note", new() { HasText = "Carol Agent transferred the chat." })).ToBeVisibleAsync();
        await Assertions.Expect(carol.Locator(".parley-wrapup")).ToBeVisibleAsync();
        // Carol's tab says where the chat went, and the Support queue's 30-s wrap-up limit counts down where she writes.
        await Assertions.Expect(carolChat.Locator(".parley-chat-ended")).ToHaveTextAsync("You transferred the chat to Bob Agent.");
        await Assertions.Expect(carol.Locator(".parley-wrapup-countdown")).ToContainTextAsync("Wrap-up closes on its own in 0:");
        await Assertions.Expect(carol.Locator(".parley-state-name")).ToHaveTextAsync("Wrap-up");
        await Assertions.Expect(carol.GetByRole(AriaRole.Button, new() { Name = "Available" })).ToHaveAttributeAsync("aria-pressed", "false");
        await carol.Locator(".parley-wrapup textarea").FillAsync("Handed to Bob for Friday delivery.");
        await ShotAsync(carol, "workspace-chat-transferred.png");
        await carol.Locator(".parley-wrapup").GetByRole(AriaRole.Button, new() { Name = "Complete wrap-up" }).ClickAsync();

        var bobOffer = bob.Locator(".parley-offer");
        await Assertions.Expect(bobOffer).ToContainTextAsync("Ada Lovelace");
        await bobOffer.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        var bobChat = bob.Locator(".parley-chat");
        await Assertions.Expect(bobChat.Locator(".parley-chat-transferred")).ToContainTextAsync("Transferred by Carol Agent: Wants the brass lamp delivered by Friday.");
        await Assertions.Expect(bobChat.Locator(".parley-chat-msg.customer")).ToHaveCountAsync(2);
        await Assertions.Expect(bobChat.Locator(".parley-chat-msg.agent")).ToHaveCountAsync(2);
        await Assertions.Expect(bob.Locator(".parley-customer")).ToContainTextAsync("Came from");
        await Assertions.Expect(customer.Locator(".status")).ToContainTextAsync("Bob Agent has joined the chat");
        await bobChat.GetByLabel("Reply to the customer").FillAsync("Hi Ada, Bob here: Friday works.");
        await bobChat.GetByLabel("Reply to the customer").PressAsync("Enter");
        await Assertions.Expect(customer.Locator(".msg.agent")).ToHaveCountAsync(3);
        await Assertions.Expect(customer.Locator(".msg.agent").Last).ToContainTextAsync("Bob here");
        await Assertions.Expect(customer.Locator(".msg.customer")).ToHaveCountAsync(2);

        var onBob = await DashboardAsync(supervisor);
        Assert.Contains(Agent(onBob, "Bob Agent").GetProperty("interactions").EnumerateArray(), i => i.GetProperty("channel").GetString() == "Chat");
        Assert.Empty(Agent(onBob, "Carol Agent").GetProperty("interactions").EnumerateArray());
        await ShotAsync(customer, "webchat-widget.png");
        // At 1280×720, unscrolled, an agent sees the transferred chat's newest message, its reply box and send button.
        await bob.EvaluateAsync("() => document.querySelector('.rz-body').scrollTo(0, 0)");
        await Assertions.Expect(bobChat.Locator(".parley-chat-msg").Last).ToBeInViewportAsync();
        await ShotAsync(bob, "workspace-chat.png");
        foreach (var control in new[] { bobChat.GetByLabel("Reply to the customer"), bobChat.GetByRole(AriaRole.Button, new() { Name = "Send" }) })
        {
            var box = await control.BoundingBoxAsync();
            Assert.True(box is not null && box.Y >= 0 && box.Y + box.Height <= 720, $"{control} is at {box?.Y}..{box?.Y + box?.Height}, outside the 720-px viewport.");
        }

        // Bob ends and wraps up; the customer sees the end.
        await bob.Locator(".parley-interaction").GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("End$") }).ClickAsync();
        await Assertions.Expect(customer.Locator(".status")).ToContainTextAsync("The chat has ended");
        await bob.Locator(".parley-wrapup").GetByRole(AriaRole.Button, new() { Name = "Complete wrap-up" }).ClickAsync();
        await Assertions.Expect(bob.Locator(".parley-idle")).ToContainTextAsync("Waiting for the next interaction");
        Assert.Equal(0, Row(await DashboardAsync(supervisor), "channels", "Chat").GetProperty("agents").GetProperty("onContact").GetInt32());
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    private async Task<IBrowserContext> NewContextAsync(Uri baseUrl, bool notifications)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 720 }, Permissions = notifications ? ["notifications"] : [],
        });
        context.SetDefaultTimeout(Timeout);
        return context;
    }

    private static async Task SignInAsync(IPage agent, string userName)
    {
        await agent.GotoAsync("/sign-in?ReturnUrl=%2Fworkspace");
        await agent.GetByLabel("Tenant").FillAsync(WebAppFactory.Tenant);
        await agent.GetByLabel("User name").FillAsync(userName);
        await agent.GetByLabel("Password").FillAsync(WebAppFactory.AgentPassword);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await agent.WaitForURLAsync("**/workspace");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in to routing" }).ClickAsync();
    }

    private static async Task<JsonElement> DashboardAsync(HttpClient supervisor) => await supervisor.JsonAsync("/api/v1/realtime/dashboard");

    private static JsonElement Row(JsonElement dashboard, string list, string name) =>
        dashboard.GetProperty(list).EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    private static JsonElement Agent(JsonElement dashboard, string name) =>
        dashboard.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("name").GetString() == name);

    private static async Task ShotAsync(IPage page, string name)
    {
        var bytes = await page.ScreenshotAsync();
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, name), bytes);
        await File.WriteAllBytesAsync(Path.Combine(Chromium.DocsImages(), name), bytes);
    }
}
