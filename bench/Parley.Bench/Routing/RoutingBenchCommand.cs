using System.Diagnostics;
using System.Globalization;
using Parley.Routing;

namespace Parley.Bench.Routing;

/// <summary>
/// <c>dotnet run -c Release --project bench/Parley.Bench -- routing [seconds]</c>: the pure routing engine on one
/// thread for a tenant of 10,000 agents, 500 queues and 50 skills. Decisions are offers made; latency is per engine call.
/// </summary>
public sealed class RoutingBenchCommand : IBenchCommand
{
    private const int SteadyActive = 10_000;
    private const int BacklogActive = 11_500;

    public string Name => "routing";

    public string Description => "Routing engine: 10k agents, 500 queues, 50 skills; decisions/s and p99 per call";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var seconds = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var s) ? Math.Clamp(s, 1, 30) : 12;
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var sink = new OfferCollector();
        var engine = new RoutingEngine(clock, sink);
        var random = new Random(42);
        var setup = Stopwatch.StartNew();
        RoutingTenant.Build(engine, random);
        Console.WriteLine($"setup: {engine.AgentCount} agents, {engine.QueueCount} queues, {RoutingTenant.Skills} skills in {setup.Elapsed.TotalSeconds:F1} s");

        var steady = Measure("steady", engine, clock, sink, random, SteadyActive, seconds, cancellationToken);
        var backlog = Measure("backlog", engine, clock, sink, random, BacklogActive, Math.Max(1, seconds / 2), cancellationToken);
        Console.WriteLine(FormattableString.Invariant(
            $"backlog (occupancy beyond capacity, {RoutingDriver.MaxBacklog:N0} waiting): {backlog.Rate:F0} decisions/s, p99 {backlog.P99:F1} us"));
        Console.WriteLine(FormattableString.Invariant($"routing: {steady.Rate:F0} decisions/s, p99 {steady.P99:F1} us"));
        return Task.FromResult(steady.Rate > 0 ? 0 : 1);
    }

    /// <summary>
    /// Runs one phase after a warm-up. The rate is decisions per CPU-second of the process (one core busy), which
    /// equals the wall-clock rate on an idle machine and stays meaningful when other processes share the cores.
    /// </summary>
    private static (double Rate, double P99) Measure(
        string phase, RoutingEngine engine, ManualClock clock, OfferCollector sink, Random random, int targetActive, int seconds, CancellationToken cancellationToken)
    {
        var driver = new RoutingDriver(engine, clock, sink, random, targetActive);
        driver.Run(TimeSpan.FromSeconds(3), cancellationToken);
        driver.Reset();
        GC.Collect();
        var decisions = engine.Decisions;
        var events = sink.Events;
        var gcs = GC.CollectionCount(0);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var elapsed = driver.Run(TimeSpan.FromSeconds(seconds), cancellationToken);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        decisions = engine.Decisions - decisions;
        var latency = driver.Latency;
        var wallRate = decisions / elapsed.TotalSeconds;
        var cpuRate = decisions / Math.Max(cpu.TotalSeconds, 1e-3);
        var p99 = latency.PercentileMicroseconds(99);
        Console.WriteLine($"[{phase}] target {targetActive:N0} active");
        Console.WriteLine($"  mix: {driver.Arrivals:N0} arrivals, {driver.Accepts:N0} accepts, {driver.Rejects:N0} rejects, {driver.Ends:N0} ends, {driver.Ticks} ticks (max {driver.MaxTickMilliseconds:F1} ms)");
        Console.WriteLine(FormattableString.Invariant(
            $"  time: {elapsed.TotalSeconds:F1} s wall, {cpu.TotalSeconds:F1} s process CPU; {decisions:N0} decisions = {cpuRate:F0}/CPU-second, {wallRate:F0}/wall-second"));
        Console.WriteLine($"  state: {driver.Active:N0} active, {engine.InteractionCount - driver.Active:N0} waiting or ringing; {sink.Events - events:N0} events; {GC.CollectionCount(0) - gcs} gen0 GCs");
        Console.WriteLine(FormattableString.Invariant(
            $"  latency per call: p50 {latency.PercentileMicroseconds(50):F2} us, p90 {latency.PercentileMicroseconds(90):F2} us, p99 {p99:F2} us, p99.9 {latency.PercentileMicroseconds(99.9):F2} us, max {latency.MaxMicroseconds:F0} us over {latency.Count:N0} calls"));
        driver.EndAll();
        return (cpuRate, p99);
    }
}
