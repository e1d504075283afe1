using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.WebChat;

/// <summary>
/// The SSE + POST fallback: a chat works end to end over plain HTTP (event stream down, POST up), with the socket's
/// sequence numbers, and a cut stream resumes from <c>Last-Event-ID</c> — nothing lost, nothing twice.
/// </summary>
public sealed class ChatFallbackTests(WebChatAppFactory server) : IClassFixture<WebChatAppFactory>
{
    [Fact]
    public async Task A_chat_works_over_the_event_stream_and_post_and_resumes_after_a_cut()
    {
        using var agent = await server.SignInDemoAsync("agent3");
        await agent.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);
        var (chatId, token) = await server.StartChatAsync("Sse");
        using var visitor = server.Anonymous();
        var t = Uri.EscapeDataString(token);

        var stream = await ChatEventStream.OpenAsync(visitor, $"/webchat/{WebChatClient.DemoKey}/events?token={t}&after=0", null);
        Assert.Equal("hello", (await stream.NextAsync()).Data.GetProperty("type").GetString());

        using var sent = await visitor.PostAsJsonAsync($"/webchat/{WebChatClient.DemoKey}/send?token={t}", new { type = "msg", seq = 1, text = "over http" });
        var replies = await (await sent.ExpectAsync(200)).ReadJsonAsync();
        Assert.Equal(("ack", 1L), (replies[0].GetProperty("type").GetString()!, replies[0].GetProperty("seq").GetInt64()));
        Assert.Equal([("customer", 1L, "over http")], await server.StoredAsync(chatId));

        await agent.PostAsync($"/api/v1/interactions/{chatId}/accept", 204);
        await agent.PostJsonAsync($"/api/v1/interactions/{chatId}/messages", new { text = "first" }, 201);
        var first = await stream.UntilAsync("msg");
        Assert.Equal(("1", "first"), (first.Id, first.Data.GetProperty("text").GetString()));
        stream.Dispose(); // the network cuts the stream

        await agent.PostJsonAsync($"/api/v1/interactions/{chatId}/messages", new { text = "second" }, 201);
        using var resumed = await ChatEventStream.OpenAsync(visitor, $"/webchat/{WebChatClient.DemoKey}/events?token={t}&full=1", lastEventId: "1");
        var next = await resumed.UntilAsync("msg");
        Assert.Equal(("2", "second"), (next.Id, next.Data.GetProperty("text").GetString()));

        // A re-sent message is acknowledged again and not stored twice; a malformed frame is a 400 with its reason.
        using var again = await visitor.PostAsJsonAsync($"/webchat/{WebChatClient.DemoKey}/send?token={t}", new { type = "msg", seq = 1, text = "over http" });
        Assert.Equal("ack", (await (await again.ExpectAsync(200)).ReadJsonAsync())[0].GetProperty("type").GetString());
        Assert.Single(await server.StoredAsync(chatId), m => m.Direction == "customer");
        using var bad = await visitor.PostAsync($"/webchat/{WebChatClient.DemoKey}/send?token={t}", new StringContent("{\"type\":\"msg\"}", Encoding.UTF8, "application/json"));
        Assert.Contains("BadSequence", (await (await bad.ExpectAsync(400)).ReadJsonAsync()).ToString());
    }

    [Fact]
    public async Task The_event_stream_checks_origin_and_token_like_the_socket()
    {
        var (_, token) = await server.StartChatAsync("Sse");
        using var stranger = server.Anonymous("https://evil.example");
        using var forbidden = await stranger.GetAsync($"/webchat/{WebChatClient.DemoKey}/events?token={Uri.EscapeDataString(token)}");
        Assert.Equal(403, (int)forbidden.StatusCode);
        using var visitor = server.Anonymous();
        using var expired = await visitor.PostAsJsonAsync($"/webchat/{WebChatClient.DemoKey}/send?token=forged", new { type = "ping" });
        Assert.Equal(401, (int)expired.StatusCode);
    }
}
