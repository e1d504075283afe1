using System.Net.WebSockets;
using System.Text;
using Parley.Channels.WebChat;

namespace Parley.Server.Tests.WebChat;

/// <summary>Bad input on the visitor's socket: oversized and malformed frames close it with a reason; too many messages get a polite refusal.</summary>
public sealed class ChatLimitsTests(WebChatAppFactory server) : IClassFixture<WebChatAppFactory>
{
    [Fact]
    public async Task An_oversized_frame_closes_the_socket_as_too_big()
    {
        var (_, token) = await server.StartChatAsync();
        await using var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token);
        await socket.ReceiveUntilAsync("hello");

        await socket.SendRawAsync(Encoding.UTF8.GetBytes($"{{\"type\":\"msg\",\"seq\":1,\"text\":\"{new string('a', ChatLimits.MaxFrameBytes)}\"}}"));

        while (await socket.ReceiveAsync() is not null)
        {
        }

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, socket.CloseStatus);
    }

    [Fact]
    public async Task A_malformed_frame_closes_the_socket_with_the_reason()
    {
        var (_, token) = await server.StartChatAsync();
        await using var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token);
        await socket.ReceiveUntilAsync("hello");

        await socket.SendRawAsync("{\"type\":\"msg\",\"seq\":"u8.ToArray());

        while (await socket.ReceiveAsync() is not null)
        {
        }

        Assert.Equal((WebSocketCloseStatus.PolicyViolation, "malformed frame: NotJson"), (socket.CloseStatus, socket.CloseReason));
    }

    [Fact]
    public async Task Messages_beyond_the_session_burst_are_refused_politely_and_not_stored()
    {
        var (chatId, token) = await server.StartChatAsync();
        await using var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token);
        await socket.ReceiveUntilAsync("hello");

        for (var seq = 1; seq <= WebChatAppFactory.SessionBurst + 1; seq++)
        {
            await socket.SendAsync(new { type = "msg", seq, text = $"m{seq}" });
        }

        var (refused, before) = await socket.ReceiveUntilAsync("refused");
        Assert.Equal(WebChatAppFactory.SessionBurst, before.Count(f => f.Type() == "ack"));
        Assert.Equal(("rate", WebChatAppFactory.SessionBurst + 1L), (refused.GetProperty("reason").GetString(), refused.GetProperty("seq").GetInt64()));
        Assert.True(refused.GetProperty("retryAfterMs").GetInt32() > 0);
        Assert.Equal(WebChatAppFactory.SessionBurst, (await server.StoredAsync(chatId)).Count);

        // The clock moves on (fake time): the same message is taken now, and the socket stayed open throughout.
        server.Time.Advance(TimeSpan.FromSeconds(2));
        await socket.SendAsync(new { type = "msg", seq = WebChatAppFactory.SessionBurst + 1, text = "again" });
        Assert.Equal(WebChatAppFactory.SessionBurst + 1L, (await socket.ReceiveUntilAsync("ack")).Frame.GetProperty("seq").GetInt64());
    }
}
