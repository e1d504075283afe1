using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Parley.Server.Tests.Support;
using Parley.Server.Webhooks;

namespace Parley.Server.Tests.Acd;

/// <summary>Signed deliveries with retries to a receiver on loopback (allowed by this factory's settings only).</summary>
public sealed class WebhookTests(AcdAppFactory factory) : IClassFixture<AcdAppFactory>
{
    [Fact]
    public async Task Delivery_IsSigned_RetriedWithBackOff_AndLogged()
    {
        await using var receiver = LoopbackReceiver.Start(failFirst: 1);
        using var admin = await factory.SignInDemoAsync("admin");
        var created = await admin.PostJsonAsync("/api/v1/webhooks", new { url = receiver.Url, eventTypes = new[] { "interaction.queued" } }, 201);
        var secret = created.GetProperty("secret").GetString()!;
        var subscriptionId = created.GetProperty("subscription").GetProperty("id").GetGuid();

        using var api = await factory.ApiClientAsync();
        var id = await api.CreateInteractionAsync(await api.IdByAsync("/api/v1/queues", "name", "Support"), "Email");
        var first = await receiver.WaitForAsync(1);
        Assert.Equal(500, first.Answered);

        var second = await receiver.WaitWhileAdvancingAsync(2, factory, AcdAppFactory.FirstRetryDelay + TimeSpan.FromSeconds(1));
        Assert.Equal(200, second.Answered);
        Assert.Equal(first.DeliveryId, second.DeliveryId);
        Assert.True(WebhookSignature.Verify(secret, second.Signature, second.Body), "the signature does not verify with the subscription's secret");
        Assert.False(WebhookSignature.Verify(secret, second.Signature, second.Body.Replace("queued", "offered", StringComparison.Ordinal)));
        Assert.False(WebhookSignature.Verify("whsec_wrong", second.Signature, second.Body));
        using var payload = JsonDocument.Parse(second.Body);
        Assert.Equal(("interaction.queued", id.ToString()), (payload.RootElement.GetProperty("type").GetString(), payload.RootElement.GetProperty("interactionId").GetString()));

        var log = await WaitForDeliveredAsync(admin, subscriptionId);
        Assert.Equal((2, 200), (log.GetProperty("attempts").GetInt32(), log.GetProperty("lastStatusCode").GetInt32()));
        await api.PostAsync($"/api/v1/interactions/{id}/abandon", 204);
    }

    [Fact]
    public async Task RotatedSecret_SignsTheNextDeliveries_AndTheOldOneNoLonger()
    {
        await using var receiver = LoopbackReceiver.Start(failFirst: 0);
        using var admin = await factory.SignInDemoAsync("admin");
        var created = await admin.PostJsonAsync("/api/v1/webhooks", new { url = receiver.Url, eventTypes = new[] { "interaction.queued" } }, 201);
        var oldSecret = created.GetProperty("secret").GetString()!;
        var subscriptionId = created.GetProperty("subscription").GetProperty("id").GetGuid();

        using var rotateStale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/webhooks/{subscriptionId}/secret") { Headers = { { "If-Match", "\"999\"" } } };
        using var stale = await admin.SendAsync(rotateStale, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        using var read = await admin.GetAsync($"/api/v1/webhooks/{subscriptionId}", TestContext.Current.CancellationToken);
        using var rotate = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/webhooks/{subscriptionId}/secret") { Headers = { { "If-Match", read.Headers.ETag!.Tag } } };
        using var rotated = await admin.SendAsync(rotate, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        using var body = JsonDocument.Parse(await rotated.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var newSecret = body.RootElement.GetProperty("secret").GetString()!;
        Assert.NotNull(rotated.Headers.ETag);
        Assert.StartsWith("whsec_", newSecret, StringComparison.Ordinal);
        Assert.NotEqual(oldSecret, newSecret);

        using var api = await factory.ApiClientAsync();
        var id = await api.CreateInteractionAsync(await api.IdByAsync("/api/v1/queues", "name", "Support"), "Email");
        var hit = await receiver.WaitForAsync(1);

        Assert.True(WebhookSignature.Verify(newSecret, hit.Signature, hit.Body), "the delivery is not signed with the rotated secret");
        Assert.False(WebhookSignature.Verify(oldSecret, hit.Signature, hit.Body), "the old secret still verifies");
        await api.PostAsync($"/api/v1/interactions/{id}/abandon", 204);
    }

    [Fact]
    public async Task EachDeliveryRow_IsSentOnce_WithItsOwnDeliveryId()
    {
        await using var receiver = LoopbackReceiver.Start(failFirst: 0);
        using var admin = await factory.SignInDemoAsync("admin");
        var created = await admin.PostJsonAsync("/api/v1/webhooks", new { url = receiver.Url, eventTypes = new[] { "interaction.queued" } }, 201);
        var subscriptionId = created.GetProperty("subscription").GetProperty("id").GetGuid();
        using var api = await factory.ApiClientAsync();
        var support = await api.IdByAsync("/api/v1/queues", "name", "Support");
        var ids = new List<Guid>();
        for (var n = 0; n < 3; n++)
        {
            ids.Add(await api.CreateInteractionAsync(support, "Email"));
        }

        await receiver.WaitForAsync(3);
        var logged = await WaitForAllDeliveredAsync(admin, subscriptionId, 3);

        // A later delivery goes through the same sender loop; the three delivered rows must not go out again.
        factory.Time.Advance(AcdAppFactory.FirstRetryDelay * 8);
        ids.Add(await api.CreateInteractionAsync(support, "Email"));
        await receiver.WaitForAsync(4);
        logged = await WaitForAllDeliveredAsync(admin, subscriptionId, 4);

        var sent = receiver.Hits.Select(h => h.DeliveryId).ToList();
        Assert.Equal(4, sent.Count);
        Assert.Equal(logged.Order(StringComparer.Ordinal), sent.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Select(i => i.ToString()).Order(StringComparer.Ordinal), receiver.Hits.Select(h => InteractionOf(h.Body)).Order(StringComparer.Ordinal));
        foreach (var id in ids)
        {
            await api.PostAsync($"/api/v1/interactions/{id}/abandon", 204);
        }
    }

    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://192.168.0.10/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://localhost/hook")]
    public void LoopbackAndPrivateAddresses_AreNotPublic(string url)
    {
        var host = new Uri(url).IdnHost;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : Dns.GetHostAddresses(host);
        Assert.All(addresses, a => Assert.False(WebhookUrlGuard.IsPublic(a), $"{a} counted as public"));
        Assert.True(WebhookUrlGuard.IsPublic(IPAddress.Parse("203.0.113.5")));
    }

    [Fact]
    public async Task DefaultGuard_RefusesLoopbackPrivateAndUnsafeUrls()
    {
        await using var strict = new ParleyAppFactory();
        using var admin = await strict.SignInDemoAsync("admin");
        foreach (var url in new[] { "https://127.0.0.1:8443/hook", "https://localhost/hook", "https://10.0.0.7/hook", "https://[::1]/hook", "http://203.0.113.5/hook", "ftp://203.0.113.5/hook", "https://user:pw@203.0.113.5/hook" })
        {
            var refused = await admin.PostJsonAsync("/api/v1/webhooks", new { url }, 400);
            Assert.Contains("url", refused.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }

        await admin.PostJsonAsync("/api/v1/webhooks", new { url = "https://203.0.113.5/hook" }, 201);
    }

    private static async Task<JsonElement> WaitForDeliveredAsync(HttpClient admin, Guid subscriptionId)
    {
        for (var attempt = 0; ; attempt++)
        {
            var items = (await admin.JsonAsync($"/api/v1/webhooks/{subscriptionId}/deliveries")).GetProperty("items").EnumerateArray().ToArray();
            if (items.Length == 1 && items[0].GetProperty("status").GetString() == "Delivered" || attempt == 100)
            {
                return Assert.Single(items);
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static string InteractionOf(string body)
    {
        using var payload = JsonDocument.Parse(body);
        return payload.RootElement.GetProperty("interactionId").GetString()!;
    }

    /// <summary>The ids of the subscription's deliveries once there are <paramref name="count"/> and all are delivered.</summary>
    private static async Task<List<string>> WaitForAllDeliveredAsync(HttpClient admin, Guid subscriptionId, int count)
    {
        for (var attempt = 0; ; attempt++)
        {
            var items = (await admin.JsonAsync($"/api/v1/webhooks/{subscriptionId}/deliveries")).GetProperty("items").EnumerateArray().ToArray();
            if ((items.Length == count && items.All(i => i.GetProperty("status").GetString() == "Delivered")) || attempt == 100)
            {
                Assert.Equal(count, items.Length);
                Assert.All(items, i => Assert.Equal(("Delivered", 1), (i.GetProperty("status").GetString(), i.GetProperty("attempts").GetInt32())));
                return items.Select(i => i.GetProperty("id").GetGuid().ToString()).ToList();
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A minimal HTTP/1.1 receiver on loopback that answers 500 to the first N requests, then 200.</summary>
    private sealed class LoopbackReceiver : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentQueue<Hit> _hits = new();
        private readonly SemaphoreSlim _arrived = new(0);
        private readonly int _failFirst;
        private readonly Task _loop;

        private LoopbackReceiver(int failFirst)
        {
            _failFirst = failFirst;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            _loop = Task.Run(AcceptAsync);
        }

        public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/hook";

        public IReadOnlyList<Hit> Hits => [.. _hits];

        public static LoopbackReceiver Start(int failFirst) => new(failFirst);

        public async Task<Hit> WaitForAsync(int count)
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
        public async Task<Hit> WaitWhileAdvancingAsync(int count, ParleyAppFactory server, TimeSpan step)
        {
            for (var round = 0; round < 20 && _hits.Count < count; round++)
            {
                server.Time.Advance(step);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
                wait.CancelAfter(TimeSpan.FromMilliseconds(500));
                try
                {
                    await _arrived.WaitAsync(wait.Token);
                    _arrived.Release();
                }
                catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
                {
                    // Not yet: advance again.
                }
            }

            return await WaitForAsync(count);
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                using var stream = client.GetStream();
                var (headers, body) = await ReadRequestAsync(stream);
                var status = _hits.Count < _failFirst ? 500 : 200;
                var answer = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {(status == 200 ? "OK" : "Error")}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(answer, _stop.Token);
                _hits.Enqueue(new Hit(headers.GetValueOrDefault(WebhookSignature.DeliveryHeader.ToLowerInvariant(), ""), headers.GetValueOrDefault(WebhookSignature.Header.ToLowerInvariant(), ""), body, status));
                _arrived.Release();
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
            var length = int.Parse(headers.GetValueOrDefault("content-length", "0"), System.Globalization.CultureInfo.InvariantCulture);
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

    private sealed record Hit(string DeliveryId, string Signature, string Body, int Answered);
}
