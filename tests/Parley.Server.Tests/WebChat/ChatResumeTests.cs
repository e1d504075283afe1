using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.WebChat;

/// <summary>
/// The visitor's protocol over a real socket: a message is acknowledged only once stored, and after a reconnect both sides
/// resume from their last acknowledged sequence number — nothing lost, nothing stored or shown twice.
/// </summary>
public sealed class ChatResumeTests(WebChatAppFactory server) : IClassFixture<WebChatAppFactory>
{
    [Fact]
    public async Task An_acknowledged_message_is_already_in_the_database()
    {
        var (chatId, token) = await server.StartChatAsync();
        await using var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token);
        var (hello, _) = await socket.ReceiveUntilAsync("hello");
        Assert.Equal(0, hello.GetProperty("ackedSeq").GetInt64());

        await socket.SendAsync(new { type = "msg", seq = 1, text = "Is the <b>lamp</b> in stock?" });
        var (ack, _) = await socket.ReceiveUntilAsync("ack");

        Assert.Equal(1, ack.GetProperty("seq").GetInt64());
        // Read straight after the ack: the row is committed, and stored as the text it was (not HTML-escaped, not stripped).
        Assert.Equal([("customer", 1L, "Is the <b>lamp</b> in stock?")], await server.StoredAsync(chatId));
    }

    [Fact]
    public async Task After_a_cut_the_visitor_resends_unacknowledged_messages_and_nothing_is_lost_or_stored_twice()
    {
        var (chatId, token) = await server.StartChatAsync("Grace");
        var first = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token);
        await first.ReceiveUntilAsync("hello");
        await first.SendAsync(new { type = "msg", seq = 1, text = "one" });
        await first.ReceiveUntilAsync("ack");
        await first.SendAsync(new { type = "msg", seq = 2, text = "two" });
        first.Cut(); // the ack of 2 may or may not have been sent: the widget does not know
        await first.DisposeAsync();

        await using var second = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token);
        var (hello, _) = await second.ReceiveUntilAsync("hello");
        var acked = hello.GetProperty("ackedSeq").GetInt64();
        Assert.InRange(acked, 1, 2);
        // The widget re-sends everything after ackedSeq; a stale re-send of 1 is acknowledged again and not stored.
        await second.SendAsync(new { type = "msg", seq = 1, text = "one" });
        Assert.Equal(1, (await second.ReceiveUntilAsync("ack")).Frame.GetProperty("seq").GetInt64());
        await second.SendAsync(new { type = "msg", seq = 2, text = "two" });
        Assert.Equal(2, (await second.ReceiveUntilAsync("ack")).Frame.GetProperty("seq").GetInt64());
        await second.SendAsync(new { type = "msg", seq = 3, text = "three" });
        Assert.Equal(3, (await second.ReceiveUntilAsync("ack")).Frame.GetProperty("seq").GetInt64());

        Assert.Equal([("customer", 1L, "one"), ("customer", 2L, "two"), ("customer", 3L, "three")], await server.StoredAsync(chatId));
    }

    [Fact]
    public async Task Agent_messages_sent_while_the_visitor_is_away_arrive_once_after_the_last_one_they_acknowledged()
    {
        using var agent = await server.SignInDemoAsync("agent3");
        await agent.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);
        var (chatId, token) = await server.StartChatAsync("Linus");
        var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token);
        await socket.ReceiveUntilAsync("hello");
        await agent.PostAsync($"/api/v1/interactions/{chatId}/accept", 204);
        Assert.Equal("Carol Agent", (await socket.ReceiveUntilAsync("joined")).Frame.GetProperty("name").GetString());

        await agent.PostJsonAsync($"/api/v1/interactions/{chatId}/messages", new { text = "Hi, I'm here." }, 201);
        var (reply, _) = await socket.ReceiveUntilAsync("msg");
        Assert.Equal((1L, "agent", "Hi, I'm here."), (reply.GetProperty("seq").GetInt64(), reply.GetProperty("from").GetString(), reply.GetProperty("text").GetString()));
        await socket.SendAsync(new { type = "ack", seq = 1 });
        socket.Cut();
        await socket.DisposeAsync();

        await agent.PostJsonAsync($"/api/v1/interactions/{chatId}/messages", new { text = "Are you still there?" }, 201);
        await agent.PostJsonAsync($"/api/v1/interactions/{chatId}/messages", new { text = "I'll wait." }, 201);
        await using var back = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token, after: 1);
        var (hello, _) = await back.ReceiveUntilAsync("hello");
        Assert.Equal(3, hello.GetProperty("lastSeq").GetInt64());
        var (joined, missed) = await back.ReceiveUntilAsync("joined");

        Assert.Equal(["Are you still there?", "I'll wait."], missed.Where(f => f.Type() == "msg").Select(f => f.GetProperty("text").GetString()!).ToArray());
        Assert.Equal([2L, 3L], missed.Where(f => f.Type() == "msg").Select(f => f.GetProperty("seq").GetInt64()).ToArray());

        var mine = (await agent.JsonAsync($"/api/v1/agents/me/interactions/{chatId}/messages")).GetProperty("items");
        Assert.Equal(3, mine.GetArrayLength());
        await agent.PostAsync($"/api/v1/interactions/{chatId}/end", 204);
        Assert.Equal("agent", (await back.ReceiveUntilAsync("ended")).Frame.GetProperty("by").GetString());
        await back.SendAsync(new { type = "rate", score = 5, comment = "Quick and kind." });
        await back.ReceiveUntilAsync("rated");
        await agent.PostJsonAsync($"/api/v1/interactions/{chatId}/wrap-up", new { code = "resolved" }, 204);
        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }
}
