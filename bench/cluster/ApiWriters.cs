using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Parley.Bench.Chat;

namespace Parley.Bench.Cluster;

/// <summary>
/// Closed-loop <c>POST /api/v1/interactions</c> clients spread over the nodes: worker w starts on node w mod N and moves to
/// the next node when a request fails (no answer, or 5xx). Every request is recorded (sent, answered, node, status) for the
/// timeline; every acknowledged (201) id is kept for the look-up in PostgreSQL.
/// </summary>
internal sealed class ApiWriters(IReadOnlyList<Uri> nodes, string token, string queueId, int connections) : IDisposable
{
    private readonly HttpClient _http = CreateClient(connections + 4, token);
    private readonly byte[] _body = Encoding.UTF8.GetBytes("{\"queueId\":\"" + queueId + "\",\"channel\":\"Email\",\"attributes\":{\"source\":\"cluster-bench\"}}");
    private readonly ConcurrentQueue<string> _records = new();

    public ConcurrentQueue<string> Acknowledged { get; } = new();

    public Histogram Latency { get; } = new();

    public ConcurrentDictionary<int, long> Statuses { get; } = new();

    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, connections).Select(w => Task.Run(() => WorkerAsync(w % nodes.Count, stop), CancellationToken.None)));

    /// <summary>One line per request: sent-unix-ms,answered-unix-ms,node index,status (0 = no answer).</summary>
    public IEnumerable<string> Records => _records;

    public void Dispose() => _http.Dispose();

    private async Task WorkerAsync(int node, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var sent = Clock.UnixMs();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var status = await CreateAsync(node);
            Latency.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            _records.Enqueue(string.Create(CultureInfo.InvariantCulture, $"{sent},{Clock.UnixMs()},{node},{status}"));
            Statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (status is 0 or >= 500)
            {
                node = (node + 1) % nodes.Count;
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    private async Task<int> CreateAsync(int node)
    {
        using var content = new ByteArrayContent(_body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await _http.PostAsync(new Uri(nodes[node], "/api/v1/interactions"), content);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
                Acknowledged.Enqueue(json.RootElement.GetProperty("id").GetString()!);
            }

            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return 0;
        }
    }

    private static HttpClient CreateClient(int connections, string token)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false, ConnectTimeout = TimeSpan.FromSeconds(2) })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
