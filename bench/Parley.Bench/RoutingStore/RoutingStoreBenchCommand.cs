using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Parley.Cluster.Routing.Ports;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Data.Tenancy;
using Parley.Domain.Tenants;
using Parley.Routing.Channels;
using Parley.Routing.Events;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;
using Parley.Server.Extensions;
using Parley.Server.Routing;
using Parley.Server.Webhooks;

namespace Parley.Bench.RoutingStore;

/// <summary>
/// The server's routing store (<see cref="EfRoutingStore"/>) against a real SQLite file in a temp directory: N arrival
/// saves, each with its routing-history row and one webhook delivery row, first sequentially on one tenant, then on
/// four tenants concurrently. PostgreSQL is not driven yet.
/// </summary>
public sealed class RoutingStoreBenchCommand : IBenchCommand
{
    private const int ConcurrentTenants = 4;

    public string Name => "routing-store";

    public string Description => "routing-store [sqlite] [saves]: EfRoutingStore.SaveAsync of arrivals with history + webhook rows on a real database";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var provider = args.Length > 0 ? args[0] : "sqlite";
        var saves = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000;
        if (provider != "sqlite")
        {
            Console.WriteLine($"routing-store: provider '{provider}' is not supported by this command yet (sqlite only); skipped.");
            return 2;
        }

        var directory = Directory.CreateTempSubdirectory("parley-routing-store-");
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Parley:Database:Provider"] = "Sqlite",
                ["ConnectionStrings:Parley"] = $"Data Source={Path.Combine(directory.FullName, "parley.db")};Pooling=True;Default Timeout=30",
            }).Build();
            var services = new ServiceCollection();
            services.AddSingleton(TimeProvider.System);
            services.AddParleyData(configuration);
            services.AddSingleton<WebhookOutbox>();
            services.AddSingleton<EfRoutingStore>();
            await using var root = services.BuildServiceProvider();
            await using (var scope = root.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().Database.MigrateAsync(cancellationToken);
            }

            var tenants = new List<(Guid Tenant, Guid Queue)>();
            for (var i = 0; i < ConcurrentTenants; i++)
            {
                tenants.Add(await SeedAsync(root, i, cancellationToken));
            }

            var store = root.GetRequiredService<EfRoutingStore>();
            await RunSavesAsync(store, tenants[0], 0, 100, cancellationToken); // warm-up
            var sequential = await MeasureAsync([tenants[0]], store, saves, 100, cancellationToken);
            Report("sequential, 1 tenant", sequential);
            var concurrent = await MeasureAsync(tenants, store, saves / ConcurrentTenants, 100 + saves, cancellationToken);
            Report($"concurrent, {ConcurrentTenants} tenants", concurrent);
            var (interactions, history, deliveries) = await CountAsync(root, tenants, cancellationToken);
            Console.WriteLine($"  rows written: {interactions} interactions, {history} history, {deliveries} webhook deliveries");
            Console.WriteLine($"routing-store: sqlite {sequential.Rate:F0} saves/s sequential (p50 {sequential.P50:F2} ms, p99 {sequential.P99:F2} ms), "
                + $"{concurrent.Rate:F0} saves/s with {ConcurrentTenants} tenants (p50 {concurrent.P50:F2} ms, p99 {concurrent.P99:F2} ms)");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static void Report(string label, Result r) =>
        Console.WriteLine($"  {label}: {r.Count} saves in {r.Seconds:F2} s = {r.Rate:F0} saves/s, p50 {r.P50:F2} ms, p99 {r.P99:F2} ms");

    private static async Task<Result> MeasureAsync(List<(Guid Tenant, Guid Queue)> tenants, EfRoutingStore store, int perTenant, long firstSequence, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var all = await Task.WhenAll(tenants.Select(t => Task.Run(() => RunSavesAsync(store, t, firstSequence, perTenant, ct), ct)));
        var seconds = clock.Elapsed.TotalSeconds;
        var latencies = all.SelectMany(l => l).Order().ToArray();
        return new Result(latencies.Length, seconds, latencies.Length / seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    private static async Task<List<double>> RunSavesAsync(EfRoutingStore store, (Guid Tenant, Guid Queue) t, long firstSequence, int count, CancellationToken ct)
    {
        var latencies = new List<double>(count);
        var queue = t.Queue.ToString();
        var epoch = await store.ClaimAsync(t.Tenant, ct);
        for (var i = 0; i < count; i++)
        {
            var id = Guid.CreateVersion7();
            var now = TimeProvider.System.GetUtcNow();
            var added = new NewInteraction(id.ToString(), queue, Channel.Voice, 0, new Dictionary<string, string>(), now, firstSequence + i);
            RoutingEvent queued = new InteractionQueued(now, new InteractionId(id.ToString()), new QueueId(queue), Channel.Voice, 0, now, 1, null);
            var changes = new RoutingChanges([added], [], [], [queued]);
            var started = Stopwatch.GetTimestamp();
            await store.SaveAsync(t.Tenant, epoch, changes, ct);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return latencies;
    }

    private static async Task<(Guid Tenant, Guid Queue)> SeedAsync(IServiceProvider root, int index, CancellationToken ct)
    {
        await using var scope = root.CreateAsyncScope();
        var tenantId = Guid.CreateVersion7();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        db.Add(new Tenant { Id = tenantId, Slug = $"bench{index}", Name = $"Bench {index}", CreatedAt = now });
        var queue = new Queue { Id = Guid.CreateVersion7(), TenantId = tenantId, Name = "Sales", Channels = ["Voice"], CreatedAt = now };
        db.Add(queue);
        db.Add(new WebhookSubscription { Id = Guid.CreateVersion7(), TenantId = tenantId, Url = "http://127.0.0.1:9/hook", ProtectedSecret = "x", CreatedAt = now });
        await db.SaveChangesAsync(ct);
        return (tenantId, queue.Id);
    }

    private static async Task<(int Interactions, int History, int Deliveries)> CountAsync(IServiceProvider root, List<(Guid Tenant, Guid Queue)> tenants, CancellationToken ct)
    {
        var totals = (0, 0, 0);
        foreach (var (tenant, _) in tenants)
        {
            await using var scope = root.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            totals.Item1 += await db.Interactions.CountAsync(ct);
            totals.Item2 += await db.RoutingHistory.CountAsync(ct);
            totals.Item3 += await db.WebhookDeliveries.CountAsync(ct);
        }

        return totals;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private sealed record Result(int Count, double Seconds, double Rate, double P50, double P99);
}
