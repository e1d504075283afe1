using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Parley.Server.Tests.Support;
using Parley.Server.Webhooks;

namespace Parley.Server.Tests.Acd;

/// <summary>
/// A minimal HTTP/1.1 webhook receiver on loopback (one connection per request): answers 500 to the first N requests,
/// then 200 — or, with <c>hang</c>, reads each request and never answers, noting whether the sender gave up on it.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<WebhookHit> _hits = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly int _failFirst;
    private readonly bool _hang;
    private readonly Task _loop;
    private int _answered;
    private int _abandoned;

    private WebhookReceiver(int failFirst, bool hang)
    {
        _failFirst = failFirst;
        _hang = hang;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/hook";

    public IReadOnlyList<WebhookHit> Hits => [.. _hits];

    /// <summary>Requests of a hanging receiver whose connection the sender closed (gave up waiting).</summary>
    public int Abandoned => Volatile.Read(ref _abandoned);

    public static WebhookReceiver Start(int failFirst = 0) => new(failFirst, hang: false);

    public static WebhookReceiver StartHanging() => new(0, hang: true);

    public async Task<WebhookHit> WaitForAsync(int count)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (_hits.Count < count)
        {
            await _arrived.WaitAsync(timeout.Token);
        }

        return _hits.ElementAt(count - 1);
    }

    /// <summary>Advances the server's clock by <paramref name="step"/> until the request arrives: the retry is due on that clock.</summary>
    public async Task<WebhookHit> WaitWhileAdvancingAsync(int count, ParleyAppFactory server, TimeSpan step)
    {
        // Counts, not the semaphore: a hit already counted by an earlier wait may have left it released, which would
        // turn every round into no wait at all.
        for (var round = 0; round < 60 && _hits.Count < count; round++) // generous: a loaded machine may need several turns
        {
            server.Time.Advance(step);
            for (var poll = 0; poll < 25 && _hits.Count < count; poll++)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }

        return await WaitForAsync(count);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = HandleAsync(client);
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var (headers, body) = await ReadRequestAsync(stream);
            if (_hang)
            {
                _hits.Enqueue(new WebhookHit(headers.GetValueOrDefault(WebhookSignature.DeliveryHeader.ToLowerInvariant(), ""), headers.GetValueOrDefault(WebhookSignature.Header.ToLowerInvariant(), ""), body, 0));
                _arrived.Release();
                var read = await stream.ReadAsync(new byte[1], _stop.Token); // 0 when the sender closes the connection
                if (read == 0)
                {
                    Interlocked.Increment(ref _abandoned);
                }

                return;
            }

            var status = Interlocked.Increment(ref _answered) <= _failFirst ? 500 : 200;
            var answer = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {(status == 200 ? "OK" : "Error")}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(answer, _stop.Token);
            _hits.Enqueue(new WebhookHit(headers.GetValueOrDefault(WebhookSignature.DeliveryHeader.ToLowerInvariant(), ""), headers.GetValueOrDefault(WebhookSignature.Header.ToLowerInvariant(), ""), body, status));
            _arrived.Release();
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException)
        {
            if (_hang && !_stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref _abandoned);
            }
        }
    }

    private async Task<(Dictionary<string, string> Headers, string Body)> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
        {
            var read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                break;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString(buffer.ToArray(), 0, Math.Max(headerEnd, 0));
        var headers = head.Split("\r\n").Skip(1).Where(l => l.Contains(':', StringComparison.Ordinal))
            .ToDictionary(l => l[..l.IndexOf(':', StringComparison.Ordinal)].Trim().ToLowerInvariant(), l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
        var length = int.Parse(headers.GetValueOrDefault("content-length", "0"), CultureInfo.InvariantCulture);
        while (buffer.Count < headerEnd + 4 + length)
        {
            var read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                break;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        return (headers, Encoding.UTF8.GetString(buffer.ToArray(), headerEnd + 4, length));
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        catch (SocketException)
        {
            // Listener closed under the accept.
        }

        _stop.Dispose();
        _arrived.Dispose();
    }
}
