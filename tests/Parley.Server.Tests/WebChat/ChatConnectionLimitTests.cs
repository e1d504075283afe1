using System.Net;
using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.WebChat;

namespace Parley.Server.Tests.WebChat;

/// <summary>Beyond the configured number of widget sockets new ones are refused cleanly (503 + Retry-After) and the open ones go on.</summary>
public sealed class ChatConnectionLimitTests(ChatConnectionLimitAppFactory server) : IClassFixture<ChatConnectionLimitAppFactory>
{
    [Fact]
    public async Task A_socket_beyond_the_tenants_limit_is_refused_with_503_and_the_open_ones_keep_working()
    {
        var open = new List<ChatSocket>();
        for (var i = 0; i < ChatConnectionLimitAppFactory.PerTenant; i++)
        {
            var (_, token) = await server.StartChatAsync();
            var socket = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, token);
            await socket.ReceiveUntilAsync("hello");
            open.Add(socket);
        }

        var (extraChat, extraToken) = await server.StartChatAsync();
        using var refused = new ClientWebSocket();
        refused.Options.SetRequestHeader("Origin", server.Origin);
        refused.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => refused.ConnectAsync(
            new Uri($"ws://{server.BaseUri.Authority}/webchat/{WebChatClient.DemoKey}/ws?token={Uri.EscapeDataString(extraToken)}"), TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.HttpStatusCode);
        Assert.Equal("5", refused.HttpResponseHeaders?["Retry-After"].Single());

        // The sockets already open are not shed: a message is still stored and acknowledged.
        await open[0].SendAsync(new { type = "msg", seq = 1, text = "still here?" });
        var (ack, _) = await open[0].ReceiveUntilAsync("ack");
        Assert.Equal(1, ack.GetProperty("seq").GetInt64());

        // Once a visitor leaves, the refused one gets in.
        await open[1].DisposeAsync();
        await WaitForConnectionsAsync(ChatConnectionLimitAppFactory.PerTenant - 1);
        await using var admitted = await ChatSocket.ConnectAsync(server, WebChatClient.DemoKey, extraToken);
        await admitted.ReceiveUntilAsync("hello");
        Assert.NotEqual(Guid.Empty, extraChat);
        await open[0].DisposeAsync();
    }

    /// <summary>Waits (bounded) until the server counted the closed socket out: the close handshake ends before its session does.</summary>
    private async Task WaitForConnectionsAsync(int expected)
    {
        var host = server.Services.GetRequiredService<ChatSocketHost>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (host.Connections > expected)
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
