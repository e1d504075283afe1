using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Parley.Bench.Chat;

namespace Parley.Bench.Api;

/// <summary>
/// Closed-loop load on <c>POST /api/v1/interactions</c> through a running server: CONNECTIONS workers, each sending the next
/// request when the previous one is answered, for SECONDS after WARMUP seconds not counted. Every acknowledged id (201) is
/// written to IDS-FILE so the caller can check, after killing the server, that each one was stored. BASE-URL may list
/// several nodes of a cluster, comma-separated: the workers are spread over them in turn.
/// </summary>
internal static class WriteLoad
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 6)
        {
            Console.Error.WriteLine("usage: BASE-URL TOKEN QUEUE-ID CONNECTIONS SECONDS IDS-FILE [WARMUP-S=5]");
            return 2;
        }

        var (baseUrls, token, queueId) = (args[0].Split(',').Select(u => new Uri(u)).ToArray(), args[1], args[2]);
        var connections = int.Parse(args[3], CultureInfo.InvariantCulture);
        var seconds = int.Parse(args[4], CultureInfo.InvariantCulture);
        var warmup = args.Length > 6 ? int.Parse(args[6], CultureInfo.InvariantCulture) : 5;

        var clients = baseUrls.Select(baseUrl =>
        {
            var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false })
            {
                BaseAddress = baseUrl,
                Timeout = TimeSpan.FromSeconds(30),
            };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }).ToArray();
        var body = Encoding.UTF8.GetBytes("{\"queueId\":\"" + queueId + "\",\"channel\":\"Email\",\"attributes\":{\"source\":\"bench\"}}");

        var histogram = new Histogram();
        var statuses = new Dictionary<int, long>();
        var acknowledged = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        var measureFrom = TimeSpan.FromSeconds(warmup);
        var stopAt = measureFrom + TimeSpan.FromSeconds(seconds);
        long measured = 0;

        async Task WorkerAsync(HttpClient http)
        {
            while (clock.Elapsed < stopAt)
            {
                var started = clock.Elapsed;
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                int status;
                string? id = null;
                try
                {
                    using var response = await http.PostAsync("/api/v1/interactions", content);
                    status = (int)response.StatusCode;
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
                        id = json.RootElement.GetProperty("id").GetString();
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    status = 0;
                }

                if (id is not null)
                {
                    acknowledged.Enqueue(id);
                }

                if (started < measureFrom)
                {
                    continue;
                }

                histogram.Add((clock.Elapsed - started).TotalMilliseconds);
                Interlocked.Increment(ref measured);
                lock (statuses)
                {
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, connections).Select(k => Task.Run(() => WorkerAsync(clients[k % clients.Length]))));
        foreach (var client in clients)
        {
            client.Dispose();
        }

        var elapsed = (clock.Elapsed - measureFrom).TotalSeconds;
        await File.WriteAllLinesAsync(args[5], acknowledged);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"connections {connections} over {clients.Length} node(s), measured {seconds} s after {warmup} s warm-up: {measured / elapsed:0} requests/s"));
        Console.WriteLine($"latency {histogram.Summary()}");
        Console.WriteLine("statuses " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "failed" : s.Key)}: {s.Value}")));
        Console.WriteLine($"acknowledged (201) in all, warm-up included: {acknowledged.Count}");
        return 0;
    }
}
