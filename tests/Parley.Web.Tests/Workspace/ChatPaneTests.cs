using System.Net.Http.Json;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Application;
using Parley.Server.Application.Agents;
using Parley.Server.Application.Calls;
using Parley.Server.Application.Chats;
using Parley.Server.Web.Workspace;
using Parley.Web.Tests.Support;
using Radzen;

namespace Parley.Web.Tests.Workspace;

/// <summary>The chat pane and the customer panel rendered by bUnit against the real in-memory server (web chat, routing, SQLite).</summary>
public sealed class ChatPaneTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public async ValueTask InitializeAsync()
    {
        _server.StartServer();
        await Task.CompletedTask;
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        _bunit.Services.AddRadzenComponents();
        _bunit.Services.AddScoped<CircuitConnection>();
        _bunit.Services.AddSingleton(_server.Services.GetRequiredService<ApplicationRunner>());
        _bunit.Services.AddSingleton(_server.Services.GetRequiredService<ChatLiveUpdates>());
        _bunit.Services.AddSingleton<TimeProvider>(_server.Time);
    }

    [Fact]
    public async Task A_canned_response_typed_with_a_slash_is_filled_from_the_chats_customer_and_sent_to_them()
    {
        var actor = await _bunit.AuthorizeAsAsync(_server, "agent3");
        using var carol = await _server.SignInAsync("agent3");
        using var created = await carol.PostAsJsonAsync(
            "/api/v1/canned-responses", new { scope = "personal", shortcut = "greet", title = "Greeting", text = "Hello {{customer.firstName}}, I'm {{agent.firstName}}. {{order.id}}" },
            Xunit.TestContext.Current.CancellationToken);
        created.EnsureSuccessStatusCode();
        var (chatId, support) = await AcceptedChatAsync(carol);
        var item = Item(chatId, support, new Dictionary<string, string> { ["customerName"] = "Ada Lovelace", ["email"] = "ada@example.com" });

        var pane = _bunit.Render<ChatPane>(p => p.Add(c => c.Item, item).Add(c => c.Selected, true).Add(c => c.AgentName, "Carol Agent"));
        pane.WaitForAssertion(() => pane.Find("textarea").Input("/gr"), Wait);
        pane.WaitForAssertion(() => Assert.Contains("/greet", pane.Find(".parley-canned-option").TextContent), Wait);
        pane.Find("textarea").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        // Filled from the chat's customer and the agent; an unknown placeholder stays for the agent to see.
        pane.WaitForAssertion(() => Assert.Equal("Hello Ada, I'm Carol. {{order.id}}", pane.Find("textarea").GetAttribute("value")), Wait);
        pane.Find("textarea").Input("Hello Ada, I'm Carol.");
        pane.Find("textarea").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        pane.WaitForAssertion(() => Assert.Contains("Hello Ada, I'm Carol.", pane.Find(".parley-chat-msg.agent").TextContent), Wait);
        var transcript = await carol.JsonAsync($"/api/v1/agents/me/interactions/{chatId}/messages");
        Assert.Equal("Hello Ada, I'm Carol.", transcript.GetProperty("items").EnumerateArray().Last().GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_transferred_chat_shows_who_handed_it_on_with_their_note()
    {
        await _bunit.AuthorizeAsAsync(_server, "agent3");
        using var carol = await _server.SignInAsync("agent3");
        var (chatId, support) = await AcceptedChatAsync(carol);
        var item = Item(chatId, support, new Dictionary<string, string>
        {
            ["customerName"] = "Ada", [ChatTransferAttributes.TransferredBy] = "Bob Agent", [ChatTransferAttributes.Note] = "Wants <b>a refund</b>",
        });

        var pane = _bunit.Render<ChatPane>(p => p.Add(c => c.Item, item).Add(c => c.Selected, true));

        pane.WaitForAssertion(() => Assert.Equal("Transferred by Bob Agent: Wants <b>a refund</b>", pane.Find(".parley-chat-transferred").TextContent.Trim()), Wait);
        Assert.Empty(pane.FindAll(".parley-chat-transferred b"));
    }

    [Fact]
    public async Task After_a_transfer_the_first_agents_tab_says_to_whom_not_that_the_chat_ended_and_still_does_after_a_reload()
    {
        await _bunit.AuthorizeAsAsync(_server, "agent3");
        using var carol = await _server.SignInAsync("agent3");
        var (chatId, support) = await AcceptedChatAsync(carol);
        var pane = _bunit.Render<ChatPane>(p => p.Add(c => c.Item, Item(chatId, support, new Dictionary<string, string> { ["customerName"] = "Ada" })).Add(c => c.Selected, true));

        pane.WaitForAssertion(() => pane.FindAll("button").Single(b => b.TextContent.Contains("Transfer…", StringComparison.Ordinal)).Click(), Wait);
        var bob = pane.WaitForElement("select option:contains('Bob Agent')", Wait).GetAttribute("value")!;
        pane.Find("select").Change(bob);
        pane.FindAll("button").Single(b => b.TextContent.Trim().EndsWith("Transfer", StringComparison.Ordinal)).Click();

        pane.WaitForAssertion(() => Assert.Equal("You transferred the chat to Bob Agent.", pane.Find(".parley-chat-ended").TextContent.Trim()), Wait);

        // The tab read afresh (a reload): the ended interaction carries where it went, not shown as customer data.
        var work = await carol.JsonAsync("/api/v1/agents/me/interactions");
        var ended = work.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("interactionId").GetGuid() == chatId);
        Assert.Equal("WrapUp", ended.GetProperty("status").GetString());
        var attributes = ended.GetProperty("attributes").EnumerateObject().ToDictionary(a => a.Name, a => a.Value.GetString()!);
        var reloaded = _bunit.Render<ChatPane>(p => p.Add(c => c.Item, Item(chatId, support, attributes) with { Status = WorkItemStatus.WrapUp }));
        reloaded.WaitForAssertion(() => Assert.Equal("You transferred the chat to Bob Agent.", reloaded.Find(".parley-chat-ended").TextContent.Trim()), Wait);
        Assert.DoesNotContain("Bob Agent", _bunit.Render<CustomerPanel>(p => p.Add(c => c.Item, Item(chatId, support, attributes))).Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_customer_panel_shows_contact_details_the_page_and_custom_answers_but_not_the_transfers_bookkeeping()
    {
        var item = Item(Guid.NewGuid(), Guid.NewGuid(), new Dictionary<string, string>
        {
            ["customerName"] = "Ada Lovelace", ["email"] = "ada@example.com", ["phone"] = "+15550100", ["order"] = "A-1001",
            ["page"] = "https://shop.example/lamps", ["visitorId"] = "3f1c2a7e-visitor", [ChatTransferAttributes.ChatId] = Guid.NewGuid().ToString(),
            [ChatTransferAttributes.TransferredBy] = "Bob Agent", [ChatTransferAttributes.Note] = "note",
        }) with { CustomerKey = "email: ada@example.com" };

        var panel = _bunit.Render<CustomerPanel>(p => p.Add(c => c.Item, item));

        var terms = panel.FindAll("dt").Select(d => d.TextContent).ToArray();
        Assert.Equal(["Name", "Email", "Phone", "Came from", "Order"], terms);
        Assert.Equal("https://shop.example/lamps", panel.Find(".parley-customer-page a").GetAttribute("href"));
        Assert.Equal("noopener noreferrer nofollow", panel.Find(".parley-customer-page a").GetAttribute("rel"));
        Assert.DoesNotContain("Bob Agent", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("No earlier interactions with e-mail ada@example.com.", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_transfer_form_opens_with_the_focus_on_its_target_list_so_it_scrolls_into_view()
    {
        var targets = new TransferTargets([new TransferChoice(Guid.NewGuid(), "Support")], [new TransferChoice(Guid.NewGuid(), "Bob Agent")]);

        var form = _bunit.Render<ChatTransferForm>(p => p.Add(c => c.Targets, targets));

        // At 1280×720 the form opens below the fold, under the reply box: focusing it brings it into view.
        var focus = _bunit.JSInterop.VerifyFocusAsyncInvoke();
        focus.Arguments[0].ShouldBeElementReferenceTo(form.Find("select"));
    }

    /// <summary>Starts a chat on the demo widget and has <paramref name="agent"/> (signed in to routing here) accept it.</summary>
    private async Task<(Guid ChatId, Guid Queue)> AcceptedChatAsync(HttpClient agent)
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        using var signIn = await agent.PostAsJsonAsync("/api/v1/agents/me/sign-in", new { }, ct);
        signIn.EnsureSuccessStatusCode();
        using var visitor = _server.CreateClient();
        visitor.DefaultRequestHeaders.Add("Origin", _server.ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority));
        using var started = await visitor.PostAsJsonAsync("/webchat/demo-chat/chats", new { preChat = new { name = "Ada Lovelace" } }, ct);
        started.EnsureSuccessStatusCode();
        var chatId = (await started.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct)).GetProperty("chatId").GetGuid();
        using var accepted = await agent.PostAsync($"/api/v1/interactions/{chatId}/accept", null, ct);
        accepted.EnsureSuccessStatusCode();
        using var api = await _server.ApiClientAsync();
        return (chatId, await api.QueueIdAsync("Support"));
    }

    private static WorkItemView Item(Guid id, Guid queue, Dictionary<string, string> attributes) =>
        new(id, WorkItemStatus.Active, "Chat", queue, "Support", attributes, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null, "Optional", [], null, null, []);

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
