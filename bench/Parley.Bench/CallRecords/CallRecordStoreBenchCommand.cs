using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Domain.Tenants;
using Parley.Server.Extensions;
using Parley.Server.Voice.Records;
using Parley.Voice.Records;

namespace Parley.Bench.CallRecords;

/// <summary>
/// The server's CDR store (<see cref="EfCallRecordStore"/>, group commit) on a real SQLite file in a temp directory:
/// C concurrent callers each save call records back to back (an insert, then an update of the same record, like a
/// call's milestones) for a fixed time; reports saves/s, batches (transactions) and latency per caller count.
/// </summary>
public sealed class CallRecordStoreBenchCommand : IBenchCommand
{
    public string Name => "cdr-store";

    public string Description => "cdr-store [seconds-per-step] [callers...]: EfCallRecordStore saves/s with group commit on SQLite (default 5 s; 1 64 512)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
        int[] steps = args.Length > 1 ? [.. args[1..].Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture))] : [1, 64, 512];
        var directory = Directory.CreateTempSubdirectory("parley-cdr-store-");
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Parley:Database:Provider"] = "Sqlite",
                ["ConnectionStrings:Parley"] = $"Data Source={Path.Combine(directory.FullName, "parley.db")};Pooling=True;Default Timeout=30",
            }).Build();
            var services = new ServiceCollection();
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
            services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
            services.AddParleyData(configuration);
            services.AddSingleton<EfCallRecordStore>();
            await using var root = services.BuildServiceProvider();
            var tenant = Guid.CreateVersion7();
            await using (var scope = root.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
                await db.Database.MigrateAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                db.Add(new Tenant { Id = tenant, Slug = "bench", Name = "Bench", CreatedAt = TimeProvider.System.GetUtcNow() });
                await db.SaveChangesAsync(cancellationToken);
            }

            var store = root.GetRequiredService<EfCallRecordStore>();
            await MeasureAsync(store, tenant, 4, TimeSpan.FromSeconds(1), cancellationToken); // warm-up
            var results = new List<string>();
            foreach (var callers in steps)
            {
                var r = await MeasureAsync(store, tenant, callers, TimeSpan.FromSeconds(seconds), cancellationToken);
                Console.WriteLine($"  {callers,4} callers: {r.Saves} saves in {r.Seconds:F1} s = {r.Rate:F0} saves/s, {r.Batches} transactions "
                    + $"({r.Saves / (double)Math.Max(1, r.Batches):F1} saves each), p50 {r.P50:F2} ms, p99 {r.P99:F2} ms");
                results.Add($"{r.Rate:F0} saves/s at {callers} (p99 {r.P99:F1} ms, {r.Saves / (double)Math.Max(1, r.Batches):F0}/txn)");
            }

            await using (var scope = root.CreateAsyncScope())
            {
                var rows = await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().Set<CallRecordRow>().IgnoreQueryFilters().CountAsync(cancellationToken);
                Console.WriteLine($"  rows: {rows} call records");
            }

            Console.WriteLine($"cdr-store: sqlite {string.Join(", ", results)}");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static async Task<Result> MeasureAsync(EfCallRecordStore store, Guid tenant, int callers, TimeSpan duration, CancellationToken ct)
    {
        var batchesBefore = store.Writer.Batches;
        var clock = Stopwatch.StartNew();
        var all = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(() => CallerAsync(store, tenant, clock, duration, ct), ct)));
        var seconds = clock.Elapsed.TotalSeconds;
        var latencies = all.SelectMany(l => l).Order().ToArray();
        return new Result(latencies.Length, seconds, latencies.Length / seconds, store.Writer.Batches - batchesBefore,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    /// <summary>Saves a call's record twice (arrival, then closed), again and again until the time is up.</summary>
    private static async Task<List<double>> CallerAsync(EfCallRecordStore store, Guid tenant, Stopwatch clock, TimeSpan duration, CancellationToken ct)
    {
        var latencies = new List<double>();
        while (clock.Elapsed < duration && !ct.IsCancellationRequested)
        {
            var now = TimeProvider.System.GetUtcNow();
            var call = new CallRecord
            {
                Id = Guid.CreateVersion7(),
                TenantId = tenant,
                NodeId = "bench",
                Direction = CallDirection.Inbound,
                SipCallId = Guid.NewGuid().ToString("N"),
                CallerNumber = "+4930123456",
                CalledNumber = "+15550100",
                ArrivedAt = now,
            };
            foreach (var save in new[] { call, call with { AnsweredAt = now, EndedAt = now.AddSeconds(30), Disposition = CallDisposition.Answered, ReleaseCause = "normal" } })
            {
                var started = Stopwatch.GetTimestamp();
                await store.SaveCallAsync(save, ct);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return latencies;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private sealed record Result(int Saves, double Seconds, double Rate, long Batches, double P50, double P99);
}
