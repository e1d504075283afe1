using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Parley.Bench.Chat;

/// <summary>
/// What all simulated widget sessions share: one connection handler per loopback source address (127.0.0.1, .2, …: each
/// source has its own ephemeral port range, so more sockets fit than one address allows), the figures and counters.
/// </summary>
internal sealed class Visitors : IDisposable
{
    private readonly HttpMessageInvoker[] _invokers;
    private readonly HttpClient[] _clients;

    public Visitors(Uri server, int sources)
    {
        Server = server;
        _invokers = new HttpMessageInvoker[sources];
        _clients = new HttpClient[sources];
        for (var i = 0; i < sources; i++)
        {
            var source = new IPAddress([127, 0, 0, (byte)(1 + i)]);
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (context, ct) =>
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    try
                    {
                        socket.Bind(new IPEndPoint(source, 0));
                        await socket.ConnectAsync(context.DnsEndPoint, ct);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                },
                PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            };
            _invokers[i] = new HttpMessageInvoker(handler);
            _clients[i] = new HttpClient(handler, disposeHandler: false) { BaseAddress = server };
            _clients[i].DefaultRequestHeaders.Add("Origin", Floor.Origin);
        }
    }

    public Uri Server { get; }

    public Histogram Ack { get; } = new();

    public Histogram Connect { get; } = new();

    public long Refused503;

    public long RefusedOther;

    public long Failed;

    public long RateRefused;

    public long Closed;

    public long Sent;

    public long Acked;

    public HttpMessageInvoker Invoker(int index) => _invokers[index % _invokers.Length];

    public async Task<(Guid ChatId, string Token)?> StartChatAsync(int index, CancellationToken ct)
    {
        using var response = await _clients[index % _clients.Length].PostAsJsonAsync(
            $"/webchat/{Floor.WidgetKey}/chats", new { preChat = new Dictionary<string, string>(), page = "https://bench.example/shop" }, ct);
        if (!response.IsSuccessStatusCode)
        {
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Interlocked.Increment(ref Refused503);
            }
            else
            {
                Interlocked.Increment(ref RefusedOther);
            }

            return null;
        }

        var started = await response.Content.ReadFromJsonAsync<Started>(ct);
        return (started!.ChatId, started.Token);
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var invoker in _invokers)
        {
            invoker.Dispose();
        }
    }

    private sealed record Started(Guid ChatId, string Token);
}
