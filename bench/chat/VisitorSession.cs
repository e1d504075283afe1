using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Parley.Bench.Chat;

/// <summary>
/// One simulated widget: starts a chat over HTTP, opens its socket, and sends a message when told; the message text carries
/// the <see cref="Stopwatch"/> time of sending (for the agent side), and the <c>ack</c> (sent once the message is stored) is
/// timed against it.
/// </summary>
internal sealed class VisitorSession(Visitors visitors, int index)
{
    private const int Window = 16;
    private readonly long[] _sentAt = new long[Window];
    private readonly SemaphoreSlim _sending = new(1, 1);
    private ClientWebSocket? _socket;
    private long _seq;

    public bool Open => _socket is { State: WebSocketState.Open };

    /// <summary>Starts the chat and opens the socket: true when open, false when refused (counted) or failed.</summary>
    public async Task<bool> ConnectAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (await visitors.StartChatAsync(index, ct) is not { } chat)
            {
                return false;
            }

            var socket = new ClientWebSocket();
            socket.Options.SetRequestHeader("Origin", Floor.Origin);
            BrowserHeaders.AddTo(socket.Options);
            socket.Options.KeepAliveInterval = Timeout.InfiniteTimeSpan;
            socket.Options.CollectHttpResponseDetails = true;
            var uri = new UriBuilder(visitors.Server) { Scheme = "ws", Path = $"/webchat/{Floor.WidgetKey}/ws", Query = $"token={Uri.EscapeDataString(chat.Token)}&after=0" }.Uri;
            try
            {
                await socket.ConnectAsync(uri, visitors.Invoker(index), ct);
            }
            catch (WebSocketException) when (socket.HttpStatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Interlocked.Increment(ref visitors.Refused503);
                socket.Dispose();
                return false;
            }

            _socket = socket;
            visitors.Connect.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            _ = ReceiveAsync(socket);
            return true;
        }
        catch (Exception exception) when (exception is HttpRequestException or WebSocketException or IOException or TaskCanceledException)
        {
            Interlocked.Increment(ref visitors.Failed);
            return false;
        }
    }

    /// <summary>Sends the next message (skipped while the previous send is still on the wire).</summary>
    public async Task SendAsync()
    {
        if (_socket is not { State: WebSocketState.Open } socket || !_sending.Wait(0))
        {
            return;
        }

        try
        {
            var seq = ++_seq;
            var now = Stopwatch.GetTimestamp();
            _sentAt[seq % Window] = now;
            var frame = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"{{\"type\":\"msg\",\"seq\":{seq},\"text\":\"t={now} Hello, is the blue lamp still in stock?\"}}"));
            await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            Interlocked.Increment(ref visitors.Sent);
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException)
        {
            Interlocked.Increment(ref visitors.Failed);
        }
        finally
        {
            _sending.Release();
        }
    }

    public void Abort() => _socket?.Abort();

    private async Task ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage && length < buffer.Length);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Interlocked.Increment(ref visitors.Closed);
                    return;
                }

                OnFrame(buffer.AsSpan(0, length));
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // Aborted at the end of the run, or the server went away.
        }
    }

    private void OnFrame(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        string? type = null;
        long seq = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "type")
                {
                    type = reader.GetString();
                }
                else if (name == "seq" && reader.TokenType == JsonTokenType.Number)
                {
                    seq = reader.GetInt64();
                }
            }
        }

        switch (type)
        {
            case "ack" when seq > 0 && seq <= Volatile.Read(ref _seq) && seq > _seq - Window:
                visitors.Ack.Add(Stopwatch.GetElapsedTime(_sentAt[seq % Window]).TotalMilliseconds);
                Interlocked.Increment(ref visitors.Acked);
                break;
            case "refused":
                Interlocked.Increment(ref visitors.RateRefused);
                break;
        }
    }
}
