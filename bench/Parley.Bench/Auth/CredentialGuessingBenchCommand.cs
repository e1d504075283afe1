using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;

namespace Parley.Bench.Auth;

/// <summary>
/// Load driver against a running server on loopback: wrong OAuth client secrets at <c>/connect/token</c>, wrong
/// passwords for one account and a password spray (a new user name each time) at <c>/api/v1/auth/sign-in</c>, all
/// from one address, for a bounded time each. Counts the guesses the server checked and answered "wrong" (400/401)
/// apart from those it refused unchecked (423 locked, 429 slow down).
/// </summary>
public sealed class CredentialGuessingBenchCommand : IBenchCommand
{
    public string Name => "auth-guessing";

    public string Description => "auth-guessing URL [seconds] [workers] [all|secrets|account|spray]: wrong client secrets and sign-in passwords per minute from one address";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || !Uri.TryCreate(args[0], UriKind.Absolute, out var baseUri) || !IsLoopback(baseUri))
        {
            Console.WriteLine("auth-guessing: give the server's loopback URL, e.g. http://127.0.0.1:5000");
            return 2;
        }

        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var workers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = workers }) { BaseAddress = baseUri };

        var scenario = args.Length > 3 ? args[3] : "all";
        var results = new List<(string Name, Counts Counts)>();
        if (scenario is "all" or "secrets")
        {
            results.Add(("client secrets", await DriveAsync(http, seconds, workers, i => new HttpRequestMessage(HttpMethod.Post, "/connect/token")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = "demo-api",
                    ["client_secret"] = "wrong-secret-" + i.ToString(CultureInfo.InvariantCulture),
                }),
            }, cancellationToken)));
            Report("wrong client secrets (demo-api)", results[^1].Counts, seconds);
        }

        if (scenario is "all" or "account")
        {
            results.Add(("one account", await DriveAsync(http, seconds, workers, i => SignIn("admin", "Wrong-Password-" + i.ToString(CultureInfo.InvariantCulture)), cancellationToken)));
            Report("wrong passwords for one account (demo/admin)", results[^1].Counts, seconds);
        }

        if (scenario is "all" or "spray")
        {
            results.Add(("spray", await DriveAsync(http, seconds, workers, i => SignIn("spray" + i.ToString(CultureInfo.InvariantCulture), "Spring-2026-Spray"), cancellationToken)));
            Report("password spray, a new user name each time", results[^1].Counts, seconds);
        }

        Console.WriteLine("auth-guessing: checked per minute from one address: " + string.Join(", ", results.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.Name} {PerMinute(r.Counts.Checked, seconds):F0}"))));
        return 0;
    }

    private static HttpRequestMessage SignIn(string userName, string password) =>
        new(HttpMethod.Post, "/api/v1/auth/sign-in") { Content = JsonContent.Create(new { tenant = "demo", userName, password }) };

    private static async Task<Counts> DriveAsync(
        HttpClient http, int seconds, int workers, Func<long, HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        var counts = new Counts();
        var stopwatch = Stopwatch.StartNew();
        var next = 0L;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (stopwatch.Elapsed.TotalSeconds < seconds && !cancellationToken.IsCancellationRequested)
            {
                using var message = request(Interlocked.Increment(ref next));
                using var response = await http.SendAsync(message, cancellationToken);
                counts.Add((int)response.StatusCode);
            }
        }));
        return counts;
    }

    private static void Report(string scenario, Counts counts, int seconds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenario}: {counts.Checked} checked and refused as wrong ({PerMinute(counts.Checked, seconds):F0}/min), {counts.Throttled} refused unchecked (423/429), {counts.Other} other answers in {seconds} s"));

    private static double PerMinute(long count, int seconds) => count * 60.0 / seconds;

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (System.Net.IPAddress.TryParse(uri.Host, out var address) && System.Net.IPAddress.IsLoopback(address));

    private sealed class Counts
    {
        private long _checked;
        private long _throttled;
        private long _other;

        public long Checked => Interlocked.Read(ref _checked);

        public long Throttled => Interlocked.Read(ref _throttled);

        public long Other => Interlocked.Read(ref _other);

        public void Add(int status)
        {
            switch (status)
            {
                case 400 or 401:
                    Interlocked.Increment(ref _checked);
                    break;
                case 423 or 429:
                    Interlocked.Increment(ref _throttled);
                    break;
                default:
                    Interlocked.Increment(ref _other);
                    break;
            }
        }
    }
}
