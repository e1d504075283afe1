using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.WebChat;

/// <summary>
/// Transferring a web chat (<c>POST /api/v1/interactions/{id}/transfer</c>, the workspace's command): the visitor keeps
/// one conversation while the chat is queued again as a new interaction for the next agent, who gets the transcript,
/// the pre-chat answers and the note; the first agent goes to wrap-up and can no longer write.
/// </summary>
public sealed class ChatTransferTests(WebChatAppFactory server) : IClassFixture<WebChatAppFactory>
{
    [Fact]
    public async Task A_chat_transferred_to_an_agent_reaches_them_with_transcript_pre_chat_and_note_and_the_visitor_sees_the_new_name()
    {
        using var api = await server.ApiClientAsync();
        using var carol = await server.SignInDemoAsync("agent3");
        using var bob = await server.SignInDemoAsync("agent2");
        using var admin = await server.SignInDemoAsync("admin");
        var bobId = await api.IdByAsync("/api/v1/agents", "displayName", "Bob Agent");
        await carol.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);
        var (chatId, token) = await server.StartChatAsync("Ada Lovelace");
        await using var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token);
        await socket.ReceiveUntilAsync("hello");
        await socket.SendAsync(new { type = "msg", seq = 1, text = "My lamp flickers." });
        await socket.ReceiveUntilAsync("ack");
        await carol.PostAsync($"/api/v1/interactions/{chatId}/accept", 204);
        Assert.Equal("Carol Agent", (await socket.ReceiveUntilAsync("joined")).Frame.GetProperty("name").GetString());
        await carol.PostJsonAsync($"/api/v1/interactions/{chatId}/messages", new { text = "Let me find a specialist." }, 201);
        await bob.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);

        var moved = await carol.PostJsonAsync($"/api/v1/interactions/{chatId}/transfer", new { to = new { agent = bobId }, note = "Flicker after bulb swap; wants a refund." }, 200);

        var next = moved.GetProperty("interactionId").GetGuid();
        Assert.NotEqual(chatId, next);
        await socket.ReceiveUntilAsync("transferred");
        var offer = Assert.Single((await bob.JsonAsync("/api/v1/agents/me/interactions")).GetProperty("items").EnumerateArray());
        Assert.Equal((next, "Offered"), (offer.GetProperty("interactionId").GetGuid(), offer.GetProperty("status").GetString()));
        var attributes = offer.GetProperty("attributes");
        Assert.Equal("Ada Lovelace", attributes.GetProperty("customerName").GetString());
        Assert.Equal("https://shop.example/lamps", attributes.GetProperty("page").GetString());
        Assert.Equal("Flicker after bulb swap; wants a refund.", attributes.GetProperty("transferNote").GetString());
        Assert.Equal("Carol Agent", attributes.GetProperty("transferredBy").GetString());

        // The visitor writes while waiting for Bob: stored, and Bob sees it with the rest.
        await socket.SendAsync(new { type = "msg", seq = 2, text = "Still here." });
        await socket.ReceiveUntilAsync("ack");
        await bob.PostAsync($"/api/v1/interactions/{next}/accept", 204);
        Assert.Equal("Bob Agent", (await socket.ReceiveUntilAsync("joined")).Frame.GetProperty("name").GetString());
        var transcript = (await bob.JsonAsync($"/api/v1/agents/me/interactions/{next}/messages")).GetProperty("items").EnumerateArray()
            .Select(m => (m.GetProperty("text").GetString()!, m.GetProperty("name").GetString())).ToArray();
        Assert.Equal([("My lamp flickers.", "Ada Lovelace"), ("Let me find a specialist.", "Carol Agent"), ("Still here.", "Ada Lovelace")], transcript);
        await bob.PostJsonAsync($"/api/v1/interactions/{next}/messages", new { text = "Hi Ada, Bob here." }, 201);
        var (reply, _) = await socket.ReceiveUntilAsync("msg");
        Assert.Equal((2L, "Bob Agent"), (reply.GetProperty("seq").GetInt64(), reply.GetProperty("name").GetString()));

        // Carol's part is over: her interaction waits for wrap-up, and she may not write to the chat any more.
        var carols = Assert.Single((await carol.JsonAsync("/api/v1/agents/me/interactions")).GetProperty("items").EnumerateArray());
        Assert.Equal((chatId, "WrapUp"), (carols.GetProperty("interactionId").GetGuid(), carols.GetProperty("status").GetString()));
        await carol.PostJsonAsync($"/api/v1/interactions/{chatId}/messages", new { text = "Anything else?" }, 404);
        await carol.PostJsonAsync($"/api/v1/interactions/{chatId}/wrap-up", new { code = "follow-up" }, 204);
        var audit = await admin.JsonAsync("/api/v1/audit?action=interactions.transfer&limit=50");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("summary").GetString() == "transferred the chat to agent Bob Agent with a note");

        // Bob ends: the visitor hears it once, the conversation is stamped ended.
        await bob.PostAsync($"/api/v1/interactions/{next}/end", 204);
        Assert.Equal("agent", (await socket.ReceiveUntilAsync("ended")).Frame.GetProperty("by").GetString());
        await bob.PostJsonAsync($"/api/v1/interactions/{next}/wrap-up", new { code = "resolved" }, 204);

        // The reports count Carol's interaction as transferred, Bob's as handled.
        var today = TimeProvider.System.GetUtcNow().UtcDateTime.Date;
        var queues = await admin.JsonAsync($"/api/v1/reports/queues?from={today.AddDays(-1):yyyy-MM-dd}T00:00:00Z&to={today.AddDays(1):yyyy-MM-dd}T00:00:00Z&channel=chat");
        Assert.Contains("\"transfers\":1", queues.GetRawText(), StringComparison.Ordinal);
        await bob.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
        await carol.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }

    [Fact]
    public async Task Only_the_agent_handling_the_chat_may_transfer_it_and_only_to_one_real_target()
    {
        using var api = await server.ApiClientAsync();
        using var carol = await server.SignInDemoAsync("agent3");
        using var bob = await server.SignInDemoAsync("agent2");
        var support = await api.IdByAsync("/api/v1/queues", "name", "Support");
        var bobId = await api.IdByAsync("/api/v1/agents", "displayName", "Bob Agent");
        await carol.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);
        var (chatId, _) = await server.StartChatAsync("Grace");
        await carol.PostAsync($"/api/v1/interactions/{chatId}/accept", 204);

        await bob.PostJsonAsync($"/api/v1/interactions/{chatId}/transfer", new { to = new { queue = support } }, 404);
        await carol.PostJsonAsync($"/api/v1/interactions/{Guid.NewGuid()}/transfer", new { to = new { queue = support } }, 404);
        await carol.PostJsonAsync($"/api/v1/interactions/{chatId}/transfer", new { to = new { queue = support, agent = bobId } }, 400);
        await carol.PostJsonAsync($"/api/v1/interactions/{chatId}/transfer", new { to = new { queue = Guid.NewGuid() } }, 400);
        await carol.PostJsonAsync($"/api/v1/interactions/{chatId}/transfer", new { to = new { queue = support }, note = new string('x', 1001) }, 400);
        await api.PostJsonAsync($"/api/v1/interactions/{chatId}/transfer", new { to = new { queue = support } }, 403);

        // Still Carol's, still writable.
        await carol.PostJsonAsync($"/api/v1/interactions/{chatId}/messages", new { text = "Still with you." }, 201);
        await carol.PostAsync($"/api/v1/interactions/{chatId}/end", 204);
        await carol.PostJsonAsync($"/api/v1/interactions/{chatId}/wrap-up", new { code = "resolved" }, 204);
        await carol.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }
}
