using System.Net.Http.Json;
using Microsoft.Playwright;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.EndToEnd;

/// <summary>
/// The widget from the visitor's side in Chromium, with Carol (agent3) answering through the REST API: the cursor is in
/// the message box as soon as the chat starts, replies that arrive while the panel is minimised are counted on the
/// launcher, the open chat is open again at its newest message after a reload, and the rating says why it was not sent.
/// </summary>
public sealed class WidgetVisitorEndToEndTests : BrowserTest
{
    [Fact]
    public async Task The_visitor_types_at_once_sees_replies_counted_while_minimised_and_finds_the_chat_open_after_a_reload()
    {
        var baseUrl = Server.StartOnLoopback();
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 720 },
        });
        context.SetDefaultTimeout(Chromium.PageTimeout);
        var page = await context.NewPageAsync();
        using var carol = await Server.SignInAsync("agent3");
        await PostAsync(carol, "/api/v1/agents/me/sign-in", new { });

        // Straight after "Start chat" the cursor is in the message box: what the visitor types is their first message.
        await page.GotoAsync("/demo/chat");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).ClickAsync();
        await page.GetByLabel("Your name").FillAsync("Ada Lovelace");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Your message")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Is the brass lamp in stock?");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".msg.customer:not(.pending)")).ToHaveCountAsync(1);

        var chatId = await OfferedChatAsync(carol);
        await PostAsync(carol, $"/api/v1/interactions/{chatId}/accept", new { });
        await Assertions.Expect(page.Locator(".status")).ToContainTextAsync("Carol Agent has joined");

        // Minimised, the widget counts Carol's replies on its launcher; opening shows them and puts the cursor back.
        await page.GetByRole(AriaRole.Button, new() { Name = "Minimise chat" }).ClickAsync();
        await PostAsync(carol, $"/api/v1/interactions/{chatId}/messages", new { text = "Yes, it is." });
        await PostAsync(carol, $"/api/v1/interactions/{chatId}/messages", new { text = "It ships tomorrow." });
        var launcher = page.Locator(".launch");
        await Assertions.Expect(launcher).ToHaveTextAsync("Chat with us (2 new)");
        await launcher.ClickAsync();
        await Assertions.Expect(launcher).ToHaveTextAsync("Chat with us");
        await Assertions.Expect(page.GetByLabel("Your message")).ToBeFocusedAsync();

        // More than the panel holds, then a reload: the chat is open again, at its newest message, ready to type.
        for (var i = 1; i <= 8; i++)
        {
            await PostAsync(carol, $"/api/v1/interactions/{chatId}/messages", new { text = $"Detail {i} of the lamp." });
        }

        await Assertions.Expect(page.Locator(".msg.agent")).ToHaveCountAsync(10);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".msg.agent")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator(".msg.agent").Last).ToBeInViewportAsync();
        await Assertions.Expect(page.GetByLabel("Your message")).ToBeFocusedAsync();

        // Ended by Carol: "Send rating" without a star says what is missing instead of doing nothing.
        await PostAsync(carol, $"/api/v1/interactions/{chatId}/end", new { });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send rating" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Choose from 1 to 5 stars first.");
        await page.GetByRole(AriaRole.Button, new() { Name = "4 of 5" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeEmptyAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send rating" }).ClickAsync();
        await Assertions.Expect(page.Locator(".note", new() { HasText = "Thank you for your feedback!" })).ToBeVisibleAsync();
    }

    private static async Task PostAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body, Xunit.TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The chat offered to the agent; routing offers it a moment after the visitor started it.</summary>
    private static async Task<Guid> OfferedChatAsync(HttpClient agent)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var items = (await agent.JsonAsync("/api/v1/agents/me/interactions")).GetProperty("items");
            if (items.GetArrayLength() > 0)
            {
                return items[0].GetProperty("interactionId").GetGuid();
            }

            await Task.Delay(100, Xunit.TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("No chat was offered to the agent within 20 s.");
    }
}
