using System.Globalization;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Parley.Bench.Cluster;

/// <summary>
/// One widget as the real one behaves: starts a chat on a node, opens its socket, sends a message every interval, keeps
/// what is not acknowledged, and when the socket closes reconnects to the next node and, after the server's
/// <c>hello</c> (whose <c>ackedSeq</c> says what is stored), re-sends the rest with the same numbers before anything new.
/// </summary>
internal sealed class ChatVisitor(ChatLoad load, int index)
{
    private readonly Lock _lock = new();
    private int _node = index % load.Nodes.Count;
    private long _nextSeq = 1;
    private long _acked;
    private bool _helloSeen;
    private long _refusedSeq;
    private long _retryAtMs;

    public Guid ChatId { get; private set; }

    /// <summary>Every message up to this number is stored: acknowledged one by one, or covered by a <c>hello</c>.</summary>
    public long Acked
    {
        get
        {
            lock (_lock)
            {
                return _acked;
            }
        }
    }

    public long Sent => _nextSeq - 1;

    public async Task RunAsync(TimeSpan interval, CancellationToken stop)
    {
        string? token = null;
        while (token is null && !stop.IsCancellationRequested)
        {
            token = await StartAsync();
            if (token is null)
            {
                Interlocked.Increment(ref load.StartRetries);
                _node = (_node + 1) % load.Nodes.Count;
                await Delay(500, stop);
            }
        }

        var nextMessage = TimeSpan.FromMilliseconds(interval.TotalMilliseconds * (index % 97) / 97.0);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var connections = 0;
        while (!stop.IsCancellationRequested)
        {
            using var socket = new ClientWebSocket();
            socket.Options.SetRequestHeader("Origin", load.Origin);
            socket.Options.KeepAliveInterval = Timeout.InfiniteTimeSpan;
            var uri = new UriBuilder(load.Nodes[_node]) { Scheme = "ws", Path = $"/webchat/{load.WidgetKey}/ws", Query = $"token={Uri.EscapeDataString(token!)}&after=0" }.Uri;
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.ConnectAsync(uri, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or HttpRequestException or OperationCanceledException or IOException)
            {
                Interlocked.Increment(ref load.ConnectFailures);
                _node = (_node + 1) % load.Nodes.Count;
                await Delay(250, stop);
                continue;
            }

            if (connections++ > 0)
            {
                Interlocked.Increment(ref load.Reconnects);
            }

            lock (_lock)
            {
                _helloSeen = false;
            }

            var receiving = ReceiveAsync(socket);
            long resentUpTo = 0;
            try
            {
                while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open && !receiving.IsCompleted)
                {
                    await Delay(50, stop);
                    long acked;
                    lock (_lock)
                    {
                        if (!_helloSeen)
                        {
                            continue;
                        }

                        acked = _acked;
                        if (_refusedSeq > 0)
                        {
                            // A message refused for the rate is not stored: it and those after it go again once the
                            // server's retryAfterMs has passed, before anything new (as the widget does).
                            if (Clock.UnixMs() < _retryAtMs)
                            {
                                continue;
                            }

                            resentUpTo = Math.Min(resentUpTo, _refusedSeq - 1);
                            _refusedSeq = 0;
                        }
                    }

                    // After a reconnect: whatever the hello did not cover, again, in order, same numbers.
                    for (var seq = Math.Max(acked, resentUpTo) + 1; seq < _nextSeq; seq++)
                    {
                        await SendAsync(socket, seq);
                        Interlocked.Increment(ref load.Resent);
                        resentUpTo = seq;
                    }

                    resentUpTo = _nextSeq - 1;
                    if (clock.Elapsed >= nextMessage)
                    {
                        nextMessage += interval;
                        var seq = _nextSeq++;
                        resentUpTo = seq;
                        await SendAsync(socket, seq);
                        Interlocked.Increment(ref load.Sent);
                    }
                }
            }
            catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
            {
                // The node went away while sending: reconnect below.
            }

            if (stop.IsCancellationRequested)
            {
                // Give the last acknowledgements a moment, then close.
                await Task.WhenAny(receiving, Task.Delay(2000, CancellationToken.None));
                socket.Abort();
                return;
            }

            socket.Abort();
            Interlocked.Increment(ref load.Closed);
            _node = (_node + 1) % load.Nodes.Count;
        }
    }

    private async Task<string?> StartAsync()
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(load.Nodes[_node], $"/webchat/{load.WidgetKey}/chats"))
            {
                Content = JsonContent.Create(new { preChat = new Dictionary<string, string>(), page = "https://bench.example/cluster" }),
            };
            request.Headers.Add("Origin", load.Origin);
            using var response = await load.Http.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            ChatId = json.RootElement.GetProperty("chatId").GetGuid();
            Interlocked.Increment(ref load.Started);
            return json.RootElement.GetProperty("token").GetString();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return null;
        }
    }

    private async Task SendAsync(ClientWebSocket socket, long seq)
    {
        var frame = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{{\"type\":\"msg\",\"seq\":{seq},\"text\":\"cluster bench message {seq} of visitor {index}\"}}"));
        await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
    }

    private async Task ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = new byte[8192];
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
                    return;
                }

                OnFrame(buffer.AsSpan(0, length));
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The node went away, or the run is over.
        }
    }

    private void OnFrame(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        string? type = null;
        long seq = 0;
        long ackedSeq = 0;
        long retryAfterMs = 1000;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
            {
                continue;
            }

            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "type":
                    type = reader.GetString();
                    break;
                case "seq" when reader.TokenType == JsonTokenType.Number:
                    seq = reader.GetInt64();
                    break;
                case "ackedSeq" when reader.TokenType == JsonTokenType.Number:
                    ackedSeq = reader.GetInt64();
                    break;
                case "retryAfterMs" when reader.TokenType == JsonTokenType.Number:
                    retryAfterMs = reader.GetInt64();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        lock (_lock)
        {
            switch (type)
            {
                case "hello":
                    _acked = Math.Max(_acked, ackedSeq);
                    _helloSeen = true;
                    break;
                case "ack" when seq == _acked + 1:
                    _acked = seq;
                    Interlocked.Increment(ref load.Acks);
                    break;
                case "ack" when seq > _acked + 1:
                    Interlocked.Increment(ref load.AcksOutOfOrder);
                    _acked = seq;
                    break;
                case "refused":
                    Interlocked.Increment(ref load.Refused);
                    _refusedSeq = _refusedSeq == 0 ? seq : Math.Min(_refusedSeq, seq);
                    _retryAtMs = Clock.UnixMs() + retryAfterMs;
                    break;
            }
        }
    }

    private static async Task Delay(int milliseconds, CancellationToken stop)
    {
        try
        {
            await Task.Delay(milliseconds, stop);
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }
}
