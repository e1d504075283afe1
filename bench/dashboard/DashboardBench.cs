using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Parley.Cluster.Routing;
using Parley.Domain.Security;
using Parley.Routing.Agents;
using Parley.Server.Application.Supervision;
using Parley.Server.Auth;

namespace Parley.Bench.Dashboard;

/// <summary>
/// dotnet run -c Release --project bench/dashboard -- [agents=500] [queues=50] [changes-per-second=200] [watchers=20] [seconds=30]
/// N agents of one tenant change state (not ready "rest" ↔ available, forced, through the routing grain, saved to SQLite) at a
/// fixed rate while M supervisor subscriptions watch the live feed; reports change (acknowledged) → view received latency.
/// </summary>
internal static class DashboardBench
{
    public static async Task<int> Main(string[] args)
    {
        var agentCount = Arg(args, 0, 500);
        var queueCount = Arg(args, 1, 50);
        var rate = Arg(args, 2, 200);
        var watcherCount = Arg(args, 3, 20);
        var seconds = Arg(args, 4, 30);
        var directory = Directory.CreateTempSubdirectory("parley-dashboard-bench-");
        try
        {
            await using var server = new BenchServer(directory.FullName);
            server.StartServer();
            var services = server.Services;
            var (tenantId, agents) = await Floor.BuildAsync(services, agentCount, queueCount);
            var grain = services.GetRequiredService<IGrainFactory>().GetGrain<ITenantRoutingGrain>(tenantId);
            var feed = services.GetRequiredService<SupervisorFeed>();
            var changes = new Changes();
            var supervisor = new CurrentActor(tenantId, ParleyClaims.ActorUser, "bench", "Bench Supervisor", new HashSet<string> { Permissions.RealtimeRead });
            var watchers = Enumerable.Range(0, watcherCount).Select(_ => new Watcher(changes)).ToList();
            var subscriptions = watchers.Select(w => feed.Watch(supervisor, w.OnViewAsync).Value!).ToList();

            Console.WriteLine($"dashboard bench: {agentCount} agents, {queueCount} queues, {rate} changes/s for {seconds} s, {watcherCount} watchers, {Environment.ProcessorCount} cores");
            var random = new Random(42);
            var sequence = 0L;
            var inFlight = new List<Task>();
            var failed = 0;
            var clock = Stopwatch.StartNew();
            var issued = 0L;
            // A probe times one grain snapshot read (what every view needs) twice a second: how long reads queue behind the changes.
            var probes = new List<double>();
            using var probing = new CancellationTokenSource();
            var probe = Task.Run(async () =>
            {
                while (!probing.IsCancellationRequested)
                {
                    var started = Stopwatch.GetTimestamp();
                    await grain.GetAgents();
                    probes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    await Task.Delay(500);
                }
            });
            using (var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(5)))
            {
                while (clock.Elapsed < TimeSpan.FromSeconds(seconds) && await timer.WaitForNextTickAsync())
                {
                    var due = (long)(clock.Elapsed.TotalSeconds * rate);
                    for (; issued < due; issued++)
                    {
                        var agent = agents[random.Next(agents.Count)];
                        var available = changes.Latest(agent) is not { State: AgentState.Available };
                        var change = new Change(++sequence, available ? AgentState.Available : AgentState.NotReady, available ? null : "rest");
                        changes.Set(agent, change);
                        inFlight.Add(Task.Run(async () =>
                        {
                            var result = available ? await grain.SetAvailable(agent.ToString(), forced: true) : await grain.SetNotReady(agent.ToString(), "rest", forced: true);
                            if (result != Parley.Routing.RoutingResult.Ok)
                            {
                                Interlocked.Increment(ref failed);
                            }

                            change.AcknowledgedUtcTicks = TimeProvider.System.GetUtcNow().UtcTicks - TimeSpan.TicksPerMillisecond;
                            change.AcknowledgedAt = Stopwatch.GetTimestamp();
                        }));
                    }

                    inFlight.RemoveAll(t => t.IsCompleted);
                }
            }

            await Task.WhenAll(inFlight);
            var driven = clock.Elapsed;
            await probing.CancelAsync();
            await probe;
            await Task.Delay(TimeSpan.FromSeconds(2));
            subscriptions.ForEach(s => s.Dispose());

            var latencies = watchers.SelectMany(w => w.LatenciesMs).Order().ToArray();
            double P(double q) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)(q * latencies.Length))];
            var views = watchers.Sum(w => w.Views);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"changes: {issued} in {driven.TotalSeconds:0.0} s ({issued / driven.TotalSeconds:0} /s), refused {failed}; views per watcher: {views / (double)watcherCount:0} ({views / (double)watcherCount / driven.TotalSeconds:0.0} /s)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"change acknowledged -> view received, over {latencies.Length} (change, watcher) pairs: p50 {P(0.50):0} ms, p95 {P(0.95):0} ms, p99 {P(0.99):0} ms, max {(latencies.Length == 0 ? double.NaN : latencies[^1]):0} ms; within 1 s: {latencies.Count(l => l <= 1000) * 100.0 / Math.Max(1, latencies.Length):0.0}%"));
            var sortedProbes = probes.Order().ToArray();
            if (sortedProbes.Length > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"grain snapshot read (GetAgents) during the run: median {sortedProbes[sortedProbes.Length / 2]:0} ms, max {sortedProbes[^1]:0} ms over {sortedProbes.Length} probes"));
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                directory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }

    private static int Arg(string[] args, int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
}
