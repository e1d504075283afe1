using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Parley.Cluster;
using Parley.Cluster.Routing;
using Parley.Cluster.Routing.Messages;
using Parley.Cluster.Routing.Ports;
using Parley.Routing;
using Parley.Routing.Channels;

namespace Parley.Bench.Cluster;

/// <summary>
/// <c>dotnet run -c Release --project bench/Parley.Bench -- cluster [seconds] [drivers]</c>: end-to-end routing through
/// the tenant routing grain on an in-process silo. Each driver loops enqueue → (offered) accept → end; a routed
/// interaction is one that was offered, accepted and ended. The store only counts saves.
/// </summary>
public sealed class ClusterBenchCommand : IBenchCommand
{
    public string Name => "cluster";

    public string Description => "Routing through the Orleans tenant grain: routed interactions/s (enqueue, accept, end)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var seconds = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var s) ? Math.Clamp(s, 1, 60) : 10;
        var drivers = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var d) ? Math.Clamp(d, 1, 512) : 64;
        var store = new BenchRoutingStore();
        var offers = new OfferBoard();
        using var host = new HostBuilder()
            .UseOrleans(silo => silo.UseLocalhostClustering(siloPort: FreeLoopbackPort(), gatewayPort: 0))
            .ConfigureLogging(l => l.ClearProviders())
            .ConfigureServices(services =>
            {
                services.AddParleyCluster();
                services.AddSingleton<IRoutingStore>(store);
                services.AddSingleton<IRoutingEventPublisher>(offers);
                services.AddSingleton(TimeProvider.System);
            })
            .Build();
        await host.StartAsync(cancellationToken);
        var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<ITenantRoutingGrain>(Guid.NewGuid());
        for (var a = 0; a < BenchRoutingStore.Agents; a++)
        {
            await grain.SignIn(BenchRoutingStore.AgentId(a), null);
        }

        await RunPhaseAsync(grain, offers, drivers, TimeSpan.FromSeconds(2), "warm", cancellationToken);
        var calls = await RunPhaseAsync(grain, offers, drivers, TimeSpan.FromSeconds(seconds), "run", cancellationToken);
        Console.WriteLine(FormattableString.Invariant(
            $"{calls.Routed:N0} routed in {calls.Elapsed.TotalSeconds:F1} s with {drivers} drivers; {calls.Calls / calls.Elapsed.TotalSeconds:F0} grain calls/s; {store.Saves:N0} saves, {offers.Events:N0} events"));
        Console.WriteLine(FormattableString.Invariant(
            $"cluster: {calls.Routed / calls.Elapsed.TotalSeconds:F0} routed interactions/s through the grain, p99 enqueue-to-offer {calls.P99:F0} us"));
        await host.StopAsync(cancellationToken);
        return calls.Routed > 0 ? 0 : 1;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<(long Routed, long Calls, TimeSpan Elapsed, double P99)> RunPhaseAsync(
        ITenantRoutingGrain grain, OfferBoard offers, int drivers, TimeSpan duration, string phase, CancellationToken cancellationToken)
    {
        long routed = 0, calls = 0;
        var latencies = new List<double>[drivers];
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, drivers).Select(driver => Task.Run(async () =>
        {
            var mine = latencies[driver] = [];
            var n = 0;
            while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                var id = $"{phase}-{driver}-{n}";
                var queue = BenchRoutingStore.QueueId((driver + n++) % BenchRoutingStore.Queues);
                var started = Stopwatch.GetTimestamp();
                var result = await grain.Enqueue(new EnqueueCommand(id, queue, Channel.Voice, 0, []));
                Interlocked.Increment(ref calls);
                if (result != RoutingResult.Ok || !offers.TryTake(id, out var agent))
                {
                    await grain.Abandon(id);
                    continue;
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                await grain.Accept(id, agent);
                await grain.End(id);
                Interlocked.Add(ref calls, 2);
                Interlocked.Increment(ref routed);
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(tasks);
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return (routed, calls, elapsed, all.Length == 0 ? 0 : all[(int)(all.Length * 0.99)]);
    }
}
