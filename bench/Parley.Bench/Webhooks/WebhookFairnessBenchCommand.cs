using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Data.Tenancy;
using Parley.Domain.Tenants;
using Parley.Server.Extensions;
using Parley.Server.Routing;
using Parley.Server.Webhooks;

namespace Parley.Bench.Webhooks;

/// <summary>
/// The server's webhook delivery (outbox rows written by <see cref="WebhookOutbox"/>, sent by the hosted sender) on a
/// real SQLite file against two HTTP receivers on loopback: one answers 200 at once, the other accepts the request
/// and never answers. Events are created at a fixed interval; for each, both subscriptions get a delivery. Reports
/// how many of the answering receiver's deliveries arrived and their creation→arrival latency. Bounded in time.
/// </summary>
public sealed class WebhookFairnessBenchCommand : IBenchCommand
{
    public string Name => "webhooks";

    public string Description => "webhooks [events=20] [interval-ms=250] [wait-s=30]: one subscriber hangs; latency of the other";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var interval = TimeSpan.FromMilliseconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 250);
        var wait = TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30);
        var directory = Directory.CreateTempSubdirectory("parley-webhooks-bench-");
        var arrivals = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var hung = 0;
        await using var answering = await StartReceiverAsync(async http =>
        {
            arrivals.TryAdd(http.Request.Headers[WebhookSignature.DeliveryHeader].ToString(), Stopwatch.GetTimestamp());
            await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
            http.Response.StatusCode = 200;
        });
        await using var hanging = await StartReceiverAsync(async http =>
        {
            Interlocked.Increment(ref hung);
            await Task.Delay(Timeout.Infinite, http.RequestAborted);
        });
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Parley:Database:Provider"] = "Sqlite",
                ["ConnectionStrings:Parley"] = $"Data Source={Path.Combine(directory.FullName, "parley.db")};Pooling=True;Default Timeout=30",
                ["Parley:Webhooks:AllowPrivateTargets"] = "true",
                ["Parley:Webhooks:AllowInsecureHttp"] = "true",
            }).AddEnvironmentVariables().Build();
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddSingleton(TimeProvider.System);
            services.AddLogging(l => l.SetMinimumLevel(LogLevel.Error));
            services.AddDataProtection().UseEphemeralDataProtectionProvider();
            services.AddParleyData(configuration);
            services.AddParleyWebhooks();
            await using var root = services.BuildServiceProvider();
            await using (var scope = root.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().Database.MigrateAsync(cancellationToken);
            }

            var protector = root.GetRequiredService<IDataProtectionProvider>().CreateProtector(WebhookSender.SecretPurpose);
            var (tenant, good) = await SeedAsync(root, protector.Protect("whsec_bench"), answering.Url, hanging.Url, cancellationToken);
            var hosted = root.GetServices<IHostedService>().ToList();
            foreach (var service in hosted)
            {
                await service.StartAsync(cancellationToken);
            }

            var outbox = root.GetRequiredService<WebhookOutbox>();
            var created = new Dictionary<string, long>(StringComparer.Ordinal);
            var started = Stopwatch.StartNew();
            for (var i = 0; i < events; i++)
            {
                var due = interval * i - started.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, cancellationToken);
                }

                foreach (var (id, at) in await CreateEventAsync(root, outbox, tenant, good, cancellationToken))
                {
                    created[id] = at;
                }
            }

            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < wait && created.Keys.Any(id => !arrivals.ContainsKey(id)))
            {
                await Task.Delay(50, cancellationToken);
            }

            var latencies = created.Where(c => arrivals.ContainsKey(c.Key))
                .Select(c => Stopwatch.GetElapsedTime(c.Value, arrivals[c.Key]).TotalMilliseconds).Order().ToArray();
            var within1s = latencies.Count(l => l < 1000);
            Console.WriteLine($"  min {(latencies.Length == 0 ? 0 : latencies[0]):F0} ms, p90 {Percentile(latencies, 0.90):F0} ms");
            Console.WriteLine($"  {events} events every {interval.TotalMilliseconds:F0} ms; answering receiver got {latencies.Length} of {created.Count} within {wait.TotalSeconds:F0} s after the last event ({within1s} under 1 s); hanging receiver got {Volatile.Read(ref hung)} request(s)");
            Console.WriteLine($"webhooks: other subscriber's creation→arrival p50 {Percentile(latencies, 0.50):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms, max {(latencies.Length == 0 ? 0 : latencies[^1]):F0} ms, "
                + $"{latencies.Length}/{created.Count} arrived (one subscriber hanging)");
            foreach (var service in Enumerable.Reverse(hosted))
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await service.StopAsync(stop.Token);
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static async Task<List<(string Id, long At)>> CreateEventAsync(IServiceProvider root, WebhookOutbox outbox, Guid tenant, Guid good, CancellationToken ct)
    {
        await using var scope = root.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var message = new RoutingEventMessage("interaction.queued", TimeProvider.System.GetUtcNow(), Guid.CreateVersion7().ToString(), null, null, new Dictionary<string, object?>());
        await outbox.AddAsync(db, tenant, [message], ct);
        var mine = db.ChangeTracker.Entries<WebhookDelivery>().Select(e => e.Entity).Where(d => d.SubscriptionId == good).Select(d => d.Id.ToString()).ToList();
        await db.SaveChangesAsync(ct);
        var at = Stopwatch.GetTimestamp();
        outbox.Wake();
        return [.. mine.Select(id => (id, at))];
    }

    private static async Task<(Guid Tenant, Guid Good)> SeedAsync(IServiceProvider root, string protectedSecret, string goodUrl, string hangingUrl, CancellationToken ct)
    {
        await using var scope = root.CreateAsyncScope();
        var tenantId = Guid.CreateVersion7();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        db.Add(new Tenant { Id = tenantId, Slug = "bench", Name = "Bench", CreatedAt = now });
        var hanging = new WebhookSubscription { Id = Guid.CreateVersion7(), TenantId = tenantId, Url = hangingUrl, ProtectedSecret = protectedSecret, CreatedAt = now };
        var good = new WebhookSubscription { Id = Guid.CreateVersion7(), TenantId = tenantId, Url = goodUrl, ProtectedSecret = protectedSecret, CreatedAt = now };
        db.AddRange(hanging, good);
        await db.SaveChangesAsync(ct);
        return (tenantId, good.Id);
    }

    private static async Task<Receiver> StartReceiverAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        return new Receiver(app, app.Urls.First() + "/hook");
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private sealed record Receiver(WebApplication App, string Url) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await App.StopAsync(stop.Token);
            await App.DisposeAsync();
        }
    }
}
