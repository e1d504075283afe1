using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Parley.Server.Nodes;
using Parley.Server.Tests.Support;
using Parley.Server.Tests.WebChat;

namespace Parley.Server.Tests.Nodes;

/// <summary>
/// Web chat on a draining node (real HTTP and WebSockets on loopback): a visitor starting a chat gets 503 with
/// Retry-After, so the widget retries through the load balancer on another node, while a chat whose socket is open
/// keeps exchanging messages until the node exits. The node is held draining (<see cref="NodeDrain"/>) without
/// stopping, as it is while a call is still live. Once the drain is over the node closes the open sockets with 1001 and
/// ends the fallback's event streams, so each widget reconnects to another node before this one stops.
/// </summary>
public sealed class ChatDrainTests
{
    [Fact]
    public async Task OnADrainingNode_ANewChatGets503WithRetryAfter_AndAnOpenChatKeepsItsMessages()
    {
        await using var server = new WebChatAppFactory();
        var (chatId, token) = await server.StartChatAsync();
        await using var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token);
        await socket.ReceiveUntilAsync("hello");

        Assert.True(server.Services.GetRequiredService<NodeDrain>().Begin());

        using var visitor = server.Anonymous();
        using var refused = await visitor.PostAsJsonAsync(
            $"/webchat/{WebChatClient.DemoKey}/chats", new { preChat = new { name = "Grace Hopper" } }, TestContext.Current.CancellationToken);
        Assert.Equal("application/problem+json", (await refused.ExpectAsync(503)).ContentType());
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        await socket.SendAsync(new { type = "msg", seq = 1, text = "still here?" });
        Assert.Equal(1, (await socket.ReceiveUntilAsync("ack")).Frame.GetProperty("seq").GetInt64());
        Assert.Contains(await server.StoredAsync(chatId), m => m.Text == "still here?");
    }

    [Fact]
    public async Task WhenTheDrainIsOver_AnOpenChatSocketIsClosedWithGoingAway_SoTheWidgetMovesToAnotherNode()
    {
        await using var server = new WebChatAppFactory();
        var (_, token) = await server.StartChatAsync();
        await using var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token);
        await socket.ReceiveUntilAsync("hello");

        // What SIGTERM runs first: the drain (no call on this node, so it is over at once), then the sockets are closed.
        var drain = server.Services.GetServices<IHostedService>().OfType<NodeDrainService>().Single();
        await drain.StoppingAsync(TestContext.Current.CancellationToken);

        while (await socket.ReceiveAsync() is not null)
        {
            // Frames sent before the close (position updates) are read and passed over.
        }

        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, socket.CloseStatus);
        Assert.Equal("node restarting", socket.CloseReason);
    }

    [Fact]
    public async Task WhenTheDrainIsOver_EveryOpenChatSocketIsClosedWithGoingAway_WhicheverChatItServes()
    {
        await using var server = new WebChatAppFactory();
        var sockets = new List<ChatSocket>();
        for (var i = 0; i < 3; i++)
        {
            var (_, token) = await server.StartChatAsync();
            var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token);
            await socket.ReceiveUntilAsync("hello");
            sockets.Add(socket);
        }

        var drain = server.Services.GetServices<IHostedService>().OfType<NodeDrainService>().Single();
        await drain.StoppingAsync(TestContext.Current.CancellationToken);

        foreach (var socket in sockets)
        {
            while (await socket.ReceiveAsync() is not null)
            {
                // Frames sent before the close are passed over.
            }

            Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, socket.CloseStatus);
            await socket.DisposeAsync();
        }
    }

    [Fact]
    public async Task ASocketOpenedAfterTheDrainIsOver_IsClosedWithGoingAway_ToMoveToAnotherNode()
    {
        await using var server = new WebChatAppFactory();
        var (_, token) = await server.StartChatAsync();
        var drain = server.Services.GetServices<IHostedService>().OfType<NodeDrainService>().Single();
        await drain.StoppingAsync(TestContext.Current.CancellationToken);

        await using var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token);
        while (await socket.ReceiveAsync() is not null)
        {
            // hello and the chat's status may come before the close.
        }

        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, socket.CloseStatus);
        Assert.Equal("node restarting", socket.CloseReason);
    }

    [Fact]
    public async Task WhenTheDrainIsOver_AnOpenFallbackEventStreamIsEnded_SoTheWidgetReconnectsElsewhere()
    {
        await using var server = new WebChatAppFactory();
        var (_, token) = await server.StartChatAsync();
        using var visitor = server.Anonymous();
        using var stream = await ChatEventStream.OpenAsync(visitor, $"/webchat/{WebChatClient.DemoKey}/events?token={Uri.EscapeDataString(token)}&after=0", null);
        Assert.Equal("hello", (await stream.NextAsync()).Data.GetProperty("type").GetString());

        var drain = server.Services.GetServices<IHostedService>().OfType<NodeDrainService>().Single();
        await drain.StoppingAsync(TestContext.Current.CancellationToken);

        Assert.True(await stream.EndsWithinAsync(TimeSpan.FromSeconds(10)), "the event stream is still open after the drain");
    }
}
