using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;

namespace Parley.Server.Tests.WebChat;

/// <summary>A visitor's socket as the widget opens it, reading frames as JSON with a time-out (never waits forever).</summary>
public sealed class ChatSocket : IAsyncDisposable
{
    private readonly WebSocket _socket;

    private ChatSocket(WebSocket socket) => _socket = socket;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseReason => _socket.CloseStatusDescription;

    public static async Task<ChatSocket> ConnectAsync(WebChatAppFactory server, string key, string token, long after = 0, bool full = false, string? origin = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", origin ?? server.Origin);
        var url = new Uri($"ws://{server.BaseUri.Authority}/webchat/{key}/ws?token={Uri.EscapeDataString(token)}&after={after}{(full ? "&full=1" : "")}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(url, timeout.Token);
        return new ChatSocket(socket);
    }

    /// <summary>A socket to an in-memory test server (no Kestrel, as the nodes of a test cluster run), from its own origin.</summary>
    public static async Task<ChatSocket> ConnectAsync(TestServer server, string key, string token, long after = 0)
    {
        var client = server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Origin = server.BaseAddress.GetLeftPart(UriPartial.Authority);
        var url = new Uri(server.BaseAddress, $"/webchat/{key}/ws?token={Uri.EscapeDataString(token)}&after={after}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return new ChatSocket(await client.ConnectAsync(new UriBuilder(url) { Scheme = "ws" }.Uri, timeout.Token));
    }

    public Task SendAsync(object frame) => SendRawAsync(JsonSerializer.SerializeToUtf8Bytes(frame));

    public async Task SendRawAsync(byte[] bytes)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>The next frame, or null when the server closed the socket.</summary>
    public async Task<JsonElement?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[64 * 1024];
        var length = 0;
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), timeout.Token);
            length += result.Count;
        }
        while (!result.EndOfMessage);

        return result.MessageType == WebSocketMessageType.Close ? null : JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, length)).RootElement.Clone();
    }

    /// <summary>Reads frames until one of <paramref name="type"/> (the ones skipped are returned too, in order).</summary>
    public async Task<(JsonElement Frame, List<JsonElement> Before)> ReceiveUntilAsync(string type)
    {
        var before = new List<JsonElement>();
        while (true)
        {
            var frame = await ReceiveAsync() ?? throw new InvalidOperationException($"Closed ({CloseStatus}: {CloseReason}) before a '{type}' frame; got {string.Join(", ", before)}");
            if (frame.GetProperty("type").GetString() == type)
            {
                return (frame, before);
            }

            before.Add(frame);
        }
    }

    /// <summary>Drops the connection without a closing handshake, as a network cut would.</summary>
    public void Cut() => _socket.Abort();

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // Closing anyway.
            }
        }

        _socket.Dispose();
    }
}
