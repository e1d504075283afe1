using System.Net.Http.Json;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.WebChat;

/// <summary>Widgets are versioned tenant resources; transcripts are read only by who may; another tenant sees nothing of either.</summary>
public sealed class WidgetsApiTests(WebChatAppFactory server) : IClassFixture<WebChatAppFactory>
{
    [Fact]
    public async Task A_widget_is_created_checked_updated_with_if_match_and_deleted()
    {
        using var admin = await server.SignInDemoAsync("admin");
        var support = await admin.IdByAsync("/api/v1/queues", "name", "Support");
        var body = new
        {
            name = "Shop", key = "shop-widget", allowedOrigins = new[] { "https://shop.example" }, queueId = support, title = "Help",
            preChatFields = new[] { new { key = "name", label = "Name", kind = "Name", required = true } },
        };

        await admin.PostJsonAsync("/api/v1/webchat/widgets", body with { allowedOrigins = new[] { "https://shop.example/path" } }, 400);
        await admin.PostJsonAsync("/api/v1/webchat/widgets", body with { key = WebChatClient.DemoKey }, 409);
        using var created = await admin.PostAsJsonAsync("/api/v1/webchat/widgets", body, TestContext.Current.CancellationToken);
        var widget = await (await created.ExpectAsync(201)).ReadJsonAsync();
        var id = widget.GetProperty("id").GetGuid();
        Assert.Contains("data-widget-key=\"shop-widget\"", widget.GetProperty("snippet").GetString(), StringComparison.Ordinal);

        using var noIfMatch = await admin.PutJsonAsync($"/api/v1/webchat/widgets/{id}", body with { title = "Help me" }, ifMatch: null);
        await noIfMatch.ExpectAsync(428);
        using var updated = await admin.PutJsonAsync($"/api/v1/webchat/widgets/{id}", body with { title = "Help me" }, created.Headers.ETag!.Tag);
        Assert.Equal("Help me", (await (await updated.ExpectAsync(200)).ReadJsonAsync()).GetProperty("title").GetString());

        // The new widget answers its own site only.
        using var site = server.Anonymous("https://shop.example");
        await (await site.GetAsync("/webchat/shop-widget/config", TestContext.Current.CancellationToken)).ExpectAsync(200);
        await (await site.GetAsync($"/webchat/{WebChatClient.DemoKey}/config", TestContext.Current.CancellationToken)).ExpectAsync(403);

        await (await admin.DeleteAsync($"/api/v1/webchat/widgets/{id}", TestContext.Current.CancellationToken)).ExpectAsync(204);
        await (await site.GetAsync("/webchat/shop-widget/config", TestContext.Current.CancellationToken)).ExpectAsync(404);
    }

    [Theory]
    [InlineData("transferredTo")] // a visitor's answer would read to the agent as "You transferred the chat to …"
    [InlineData("kind")] // a visitor's "callback" would make Parley dial their callbackNumber
    public async Task A_pre_chat_field_keyed_as_an_attribute_Parley_sets_itself_is_refused(string key)
    {
        using var admin = await server.SignInDemoAsync("admin");
        var support = await admin.IdByAsync("/api/v1/queues", "name", "Support");

        var problem = await admin.PostJsonAsync("/api/v1/webchat/widgets", new
        {
            name = "Reserved " + key, key = "reserved-" + key.ToLowerInvariant(), allowedOrigins = new[] { "https://shop.example" }, queueId = support, title = "Help",
            preChatFields = new[] { new { key, label = "Where to", kind = "Custom", required = false } },
        }, 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("preChatFields", out _), problem.ToString());
    }

    [Fact]
    public async Task Another_tenant_sees_neither_the_widgets_nor_the_transcripts_and_its_tokens_open_nothing_here()
    {
        var b = await server.CreateOtherTenantAsync("chat-b");
        using var bAdmin = await server.SignInAsync(b.Slug, b.AdminUserName, b.AdminPassword);
        using var bUser = await server.SignInAsync(b.Slug, b.UserName, b.UserPassword);
        using var demoAdmin = await server.SignInDemoAsync("admin");
        var demoWidget = (await demoAdmin.JsonAsync("/api/v1/webchat/widgets")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var (chatId, _) = await server.StartChatAsync("Ada");

        Assert.DoesNotContain(WebChatClient.DemoKey, (await bAdmin.JsonAsync("/api/v1/webchat/widgets")).GetProperty("items").EnumerateArray().Select(w => w.GetProperty("key").GetString()));
        await bAdmin.JsonAsync($"/api/v1/webchat/widgets/{demoWidget}", 404);
        await (await bAdmin.DeleteAsync($"/api/v1/webchat/widgets/{demoWidget}", TestContext.Current.CancellationToken)).ExpectAsync(404);
        await bAdmin.JsonAsync($"/api/v1/interactions/{chatId}/messages", 404);
        using var post = await bUser.PostAsJsonAsync($"/api/v1/interactions/{chatId}/messages", new { text = "hi" }, TestContext.Current.CancellationToken);
        Assert.Contains((int)post.StatusCode, new[] { 403, 404 });

        // Tenant B's own widget: its session token does not open a chat on tenant A's widget.
        var bQueue = b.Acd.QueueId;
        await bAdmin.PostJsonAsync("/api/v1/webchat/widgets", new { name = "B site", key = "b-widget", allowedOrigins = new[] { "self" }, queueId = bQueue, title = "B" }, 201);
        using var visitor = server.Anonymous();
        using var started = await visitor.PostAsJsonAsync("/webchat/b-widget/chats", new { preChat = new { } }, TestContext.Current.CancellationToken);
        var bToken = (await (await started.ExpectAsync(201)).ReadJsonAsync()).GetProperty("token").GetString()!;
        using var crossed = await visitor.GetAsync($"/webchat/{WebChatClient.DemoKey}/ws?token={Uri.EscapeDataString(bToken)}", TestContext.Current.CancellationToken);
        await crossed.ExpectAsync(401);
    }

    [Fact]
    public async Task A_transcript_is_readable_by_a_supervisor_but_not_by_an_agent_who_never_had_the_chat()
    {
        var (chatId, token) = await server.StartChatAsync("Ada");
        await using (var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token))
        {
            await socket.ReceiveUntilAsync("hello");
            await socket.SendAsync(new { type = "msg", seq = 1, text = "hello" });
            await socket.ReceiveUntilAsync("ack");
        }

        using var supervisor = await server.SignInDemoAsync("supervisor");
        using var agent = await server.SignInDemoAsync("agent2");
        var items = (await supervisor.JsonAsync($"/api/v1/interactions/{chatId}/messages")).GetProperty("items");
        Assert.Equal(("customer", "hello"), (items[0].GetProperty("from").GetString(), items[0].GetProperty("text").GetString()));
        await agent.JsonAsync($"/api/v1/interactions/{chatId}/messages", 403);
        await agent.JsonAsync($"/api/v1/agents/me/interactions/{chatId}/messages", 404);
    }
}
