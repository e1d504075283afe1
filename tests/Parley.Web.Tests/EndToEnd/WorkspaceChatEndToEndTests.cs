using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.EndToEnd;

/// <summary>
/// The workspace's chat side in Chromium, beyond the main chat journey (<see cref="WebChatEndToEndTests"/>): a new offer
/// plays the tone and raises a browser notification; two chats at once sit in tabs that count unread customer messages;
/// the agent attaches a file from the chat pane and the visitor receives it.
/// </summary>
public sealed partial class WorkspaceChatEndToEndTests : BrowserTest
{
    private const float Timeout = Chromium.PageTimeout;

    // Records every Notification the page creates and every sound it plays, and makes the page look hidden (the workspace
    // notifies only when the agent is looking elsewhere; a headless page is always visible).
    private const string RecordNotifications = """
        (() => {
          window.__notes = []; window.__sounds = [];
          const Real = window.Notification;
          function Recorded(title, options) {
            window.__notes.push({ title, body: options && options.body });
            try { return new Real(title, options); } catch { return {}; }
          }
          Object.defineProperty(Recorded, 'permission', { get: () => Real.permission });
          Recorded.requestPermission = (...a) => Real.requestPermission(...a);
          window.Notification = Recorded;
          const play = HTMLMediaElement.prototype.play;
          HTMLMediaElement.prototype.play = function () { window.__sounds.push(this.src); return play.call(this); };
          Object.defineProperty(document, 'visibilityState', { get: () => 'hidden', configurable: true });
        })()
        """;

    [Fact]
    public async Task A_new_offer_plays_the_tone_and_shows_a_browser_notification_naming_the_customer()
    {
        var baseUrl = Server.StartOnLoopback();
        await using var carolContext = await NewContextAsync(baseUrl, notifications: true);
        await carolContext.AddInitScriptAsync(RecordNotifications);
        await using var customerContext = await NewContextAsync(baseUrl, notifications: false);
        var carol = await carolContext.NewPageAsync();
        await SignInAsync(carol, "agent3");
        Assert.Equal("granted", await carol.EvaluateAsync<string>("() => Notification.permission"));

        var customer = await customerContext.NewPageAsync();
        await StartChatAsync(customer, "Ada Lovelace", "Do you ship to Lyon?");

        await Assertions.Expect(carol.Locator(".parley-offer")).ToContainTextAsync("Ada Lovelace");
        await carol.WaitForFunctionAsync("() => window.__notes.length > 0");
        using var notes = System.Text.Json.JsonDocument.Parse(await carol.EvaluateAsync<string>("() => JSON.stringify(window.__notes)"));
        var note = notes.RootElement[0];
        Assert.Equal(("Incoming chat — Support", "Ada Lovelace"), (note.GetProperty("title").GetString(), note.GetProperty("body").GetString()));
        Assert.Contains(await carol.EvaluateAsync<string[]>("() => window.__sounds"), s => s.EndsWith("/sounds/offer.wav", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_chats_sit_in_tabs_that_count_unread_messages_and_a_file_the_agent_attaches_reaches_the_visitor()
    {
        await using var chats = await CarolTakesTwoChatsAsync();
        var (carol, ada, grace, adaTab, graceTab) = (chats.Carol, chats.Ada, chats.Grace, chats.AdaTab, chats.GraceTab);
        await Assertions.Expect(adaTab).ToBeVisibleAsync();
        await Assertions.Expect(graceTab).ToBeVisibleAsync();

        // Looking at Ada's chat, Grace writes twice: her tab counts them.
        await adaTab.ClickAsync();
        await Assertions.Expect(carol.Locator(".parley-chat-msg.customer", new() { HasText = "Is the brass lamp in stock?" })).ToBeVisibleAsync();
        await SayAsync(grace, "Order 1042.");
        await SayAsync(grace, "It was due Monday.");
        await Assertions.Expect(graceTab).ToContainTextAsync("(2 new)");
        await Assertions.Expect(adaTab).Not.ToContainTextAsync("new)");
        await graceTab.ClickAsync();
        var graceChat = carol.Locator(".parley-chat:visible");
        await Assertions.Expect(graceChat.Locator(".parley-chat-msg.customer")).ToHaveCountAsync(3);
        await Assertions.Expect(graceTab).Not.ToContainTextAsync("new)"); // read once opened, without waiting for another message

        // Ada writes while Grace's tab is open: now Ada's tab counts, and Grace's, read, counts nothing.
        await SayAsync(ada, "Also in copper?");
        await Assertions.Expect(adaTab).ToContainTextAsync("(1 new)");
        await Assertions.Expect(graceTab).Not.ToContainTextAsync("new)");

        // Carol sends Grace a file from the pane; Grace's widget shows it and downloads the same bytes.
        await graceChat.GetByLabel("Attach a file").SetInputFilesAsync(new FilePayload
        {
            Name = "tracking.txt", MimeType = "text/plain", Buffer = "Parcel 1042: out for delivery\n"u8.ToArray(),
        });
        await Assertions.Expect(graceChat.Locator(".parley-chat-msg.agent .parley-chat-file")).ToContainTextAsync("tracking.txt");
        var file = grace.Locator(".msg.agent a.file");
        await Assertions.Expect(file).ToContainTextAsync("tracking.txt");
        var href = await file.GetAttributeAsync("href");
        var download = await grace.EvaluateAsync<string>("async (u) => (await fetch(u)).text()", href);
        Assert.Equal("Parcel 1042: out for delivery\n", download);
        await Assertions.Expect(ada.Locator(".msg.agent")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_reload_keeps_the_open_chat_tab_and_the_unread_counts()
    {
        await using var chats = await CarolTakesTwoChatsAsync();
        var (carol, ada, grace, adaTab, graceTab) = (chats.Carol, chats.Ada, chats.Grace, chats.AdaTab, chats.GraceTab);
        await Assertions.Expect(graceTab).ToHaveAttributeAsync("aria-selected", "true"); // the chat just accepted is open

        // Carol opens Ada's chat; Grace writes twice meanwhile.
        await OpenTabAsync(carol, adaTab);
        await SayAsync(grace, "Order 1042.");
        await SayAsync(grace, "It was due Monday.");
        await Assertions.Expect(graceTab).ToContainTextAsync("(2 new)");

        // A reload opens Ada's chat again, and Grace's tab still counts what Carol has not read.
        await carol.ReloadAsync();
        await Assertions.Expect(adaTab).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(carol.Locator(".parley-chat:visible .parley-chat-msg.customer")).ToContainTextAsync(["Is the brass lamp in stock?"]);
        await Assertions.Expect(graceTab).ToContainTextAsync("(2 new)");
        await Assertions.Expect(adaTab).Not.ToContainTextAsync("new)");
        await ShotAsync(carol, "workspace-reloaded-tabs.png");

        // Read once opened: after another reload Grace's chat is open and nothing counts as new.
        await OpenTabAsync(carol, graceTab);
        await Assertions.Expect(graceTab).Not.ToContainTextAsync("new)");
        await carol.ReloadAsync();
        await Assertions.Expect(graceTab).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(carol.Locator(".parley-chat:visible .parley-chat-msg.customer")).ToHaveCountAsync(3);
        await Assertions.Expect(graceTab).Not.ToContainTextAsync("new)");
        await Assertions.Expect(adaTab).Not.ToContainTextAsync("new)");
        Assert.Contains("interaction=", carol.Url, StringComparison.Ordinal);
    }

    /// <summary>Carol (agent3) signs in and accepts Ada's chat, then Grace's: three browser contexts, closed together.</summary>
    private async Task<TwoChats> CarolTakesTwoChatsAsync()
    {
        var baseUrl = Server.StartOnLoopback();
        IBrowserContext[] contexts =
        [
            await NewContextAsync(baseUrl, notifications: true),
            await NewContextAsync(baseUrl, notifications: false),
            await NewContextAsync(baseUrl, notifications: false),
        ];
        var carol = await contexts[0].NewPageAsync();
        var ada = await contexts[1].NewPageAsync();
        var grace = await contexts[2].NewPageAsync();
        await SignInAsync(carol, "agent3");
        await StartChatAsync(ada, "Ada Lovelace", "Is the brass lamp in stock?");
        await AcceptAsync(carol, "Ada Lovelace");
        await StartChatAsync(grace, "Grace Hopper", "Where is my order?");
        await AcceptAsync(carol, "Grace Hopper");
        return new TwoChats(contexts, carol, ada, grace,
            carol.GetByRole(AriaRole.Tab, new() { NameRegex = AdaTab() }), carol.GetByRole(AriaRole.Tab, new() { NameRegex = GraceTab() }));
    }

    private sealed record TwoChats(IBrowserContext[] Contexts, IPage Carol, IPage Ada, IPage Grace, ILocator AdaTab, ILocator GraceTab) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var context in Contexts)
            {
                await context.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Opens a tab, clicking again (at most three times) when a loaded machine lost the click, and waits until the server
    /// wrote it to the address: the tab turns selected in the browser first, and a reload before the address changed would
    /// open the tab before.
    /// </summary>
    private static async Task OpenTabAsync(IPage page, ILocator tab)
    {
        var before = page.Url;
        for (var attempt = 1; ; attempt++)
        {
            await tab.ClickAsync();
            try
            {
                await Assertions.Expect(tab).ToHaveAttributeAsync("aria-selected", "true", new() { Timeout = 10_000 });
                await page.WaitForURLAsync(url => url != before && url.Contains("interaction=", StringComparison.Ordinal), new() { Timeout = 10_000 });
                return;
            }
            catch (Exception e) when ((e is PlaywrightException or TimeoutException) && attempt < 3)
            {
            }
        }
    }

    /// <summary>A screenshot into the test output directory.</summary>
    private static async Task ShotAsync(IPage page, string name) =>
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, name), await page.ScreenshotAsync());

    [Fact]
    public async Task The_chat_log_keeps_the_newest_message_in_view_when_its_transcript_holds_an_image()
    {
        var baseUrl = Server.StartOnLoopback();
        await using var carolContext = await NewContextAsync(baseUrl, notifications: true);
        await using var adaContext = await NewContextAsync(baseUrl, notifications: false);
        var carol = await carolContext.NewPageAsync();
        var ada = await adaContext.NewPageAsync();

        // Ada writes and, last, sends a photo while she waits; Carol's pane opens on a transcript ending with its preview.
        await StartChatAsync(ada, "Ada Lovelace", "My lamp arrived broken.");
        await SayAsync(ada, "The shade is cracked.");
        await SayAsync(ada, "The base is scratched too.");
        await SayAsync(ada, "Can you send a new one?");
        await ada.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "lamp.png", MimeType = "image/png", Buffer = Convert.FromBase64String(Photo) });
        await Assertions.Expect(ada.Locator(".msg.customer:not(.pending)")).ToHaveCountAsync(5);
        await SignInAsync(carol, "agent3", state: "Offer ringing");
        await AcceptAsync(carol, "Ada Lovelace");
        var log = carol.Locator(".parley-chat:visible .parley-chat-log");
        await Assertions.Expect(log.Locator("img")).ToHaveJSPropertyAsync("complete", true);
        await Assertions.Expect(log.Locator(".parley-chat-msg").Last).ToBeInViewportAsync();

        // The race a fast image load runs: the log follows (moving it a little) while the preview has no height yet, and the
        // preview takes its height before the scroll event of that follow arrives. Played here on the loaded image, so it
        // happens every time.
        Assert.True(await log.EvaluateAsync<bool>("""
            async (log) => {
              const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
              const img = log.querySelector('img');
              img.style.height = '0px';
              await frame();
              log.scrollTop -= 20;
              await frame();
              const before = log.scrollTop;
              img.dispatchEvent(new Event('load'));
              const moved = log.scrollTop > before;
              img.style.height = '';
              await frame();
              return moved;
            }
            """), "the log was not scrollable enough to play the race");

        // What arrives next comes into view: the log still follows.
        await SayAsync(ada, "Any news?");
        await Assertions.Expect(log.Locator(".parley-chat-msg", new() { HasText = "Any news?" })).ToBeInViewportAsync();
    }

    // A 240×160 orange PNG: big enough that its preview changes the log's height when it loads.
    private const string Photo =
        "iVBORw0KGgoAAAANSUhEUgAAAPAAAACgCAIAAAC9uXYyAAABRElEQVR42u3SQQ0AAAjEsJODRCQiCxV8SJMqWJbpgjciAYYGQ4OhwdAYGgwNhgZDg6ExNBgaDA2GBkNjaDA0GBoMDYbG0GBoMDQYGgyNocHQYGgwNBgaQ4OhwdBgaDA0hgZDg6HB0BgaDA2GBkODoTE0GBoMDYYGQ2NoMDQYGgwNhsbQYGgwNBgaDI2hwdBgaDA0GBpDg6HB0GBoMDSGBkODocHQYGgMDYYGQ4OhMTQYGgwNhgZDY2gwNBgaDA2GxtBgaDA0GBoMjaHB0GBoMDQYGkODocHQYGgwNIYGQ4OhwdBgaAwNhgZDg6ExtAoYGgwNhgZDY2gwNBgaDA2GxtBgaDA0GBoMjaHB0GBoMDQYGkODocHQYGgwNIYGQ4OhwdBgaAwNhgZDg6HB0BgaDA2GBkNjaDA0GBoMDYbG0GBoMDTcWPI1/E/yuwGHAAAAAElFTkSuQmCC";

    private async Task<IBrowserContext> NewContextAsync(Uri baseUrl, bool notifications)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 720 }, Permissions = notifications ? ["notifications"] : [],
        });
        context.SetDefaultTimeout(Timeout);
        // Sign-in pages load slowly while other builds share the machine.
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    private static async Task StartChatAsync(IPage customer, string name, string text)
    {
        await customer.GotoAsync("/demo/chat");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).ClickAsync();
        await customer.GetByLabel("Your name").FillAsync(name);
        await customer.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await SayAsync(customer, text);
    }

    private static async Task SayAsync(IPage customer, string text)
    {
        var sent = await customer.Locator(".msg.customer:not(.pending)").CountAsync();
        await customer.GetByLabel("Your message").FillAsync(text);
        await customer.GetByLabel("Your message").PressAsync("Enter");
        await Assertions.Expect(customer.Locator(".msg.customer:not(.pending)")).ToHaveCountAsync(sent + 1);
    }

    private static async Task AcceptAsync(IPage agent, string customer)
    {
        var offer = agent.Locator(".parley-offer", new() { HasText = customer });
        await Assertions.Expect(offer).ToBeVisibleAsync();
        await offer.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Assertions.Expect(offer).ToHaveCountAsync(0);
    }

    private static async Task SignInAsync(IPage agent, string userName, string state = "Available")
    {
        await agent.GotoAsync("/sign-in?ReturnUrl=%2Fworkspace");
        await agent.GetByLabel("Tenant").FillAsync(WebAppFactory.Tenant);
        await agent.GetByLabel("User name").FillAsync(userName);
        await agent.GetByLabel("Password").FillAsync(WebAppFactory.AgentPassword);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await agent.WaitForURLAsync("**/workspace");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in to routing" }).ClickAsync();
        await Assertions.Expect(agent.Locator(".parley-state-name")).ToHaveTextAsync(state);
    }

    [GeneratedRegex("Ada Lovelace")]
    private static partial Regex AdaTab();

    [GeneratedRegex("Grace Hopper")]
    private static partial Regex GraceTab();
}
