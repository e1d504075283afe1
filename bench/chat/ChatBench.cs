using System.Diagnostics;
using System.Globalization;

namespace Parley.Bench.Chat;

/// <summary>
/// <c>dotnet bench/chat/bin/Release/net10.0/Parley.Bench.Chat.dll SESSIONS [STEADY-S=120] [RAMP-PER-S=500] [AGENTS=100]
/// [CAPACITY=10] [EXTRA=200] [LIMIT=SESSIONS] [INTERVAL-MS=10000]</c> (or <c>bench/chat/run.sh …</c>, which raises the open-file limit).
/// Starts the server in a child process (Kestrel on 127.0.0.1, fresh SQLite, AGENTS agents with CAPACITY chats each
/// accepting every offer), opens SESSIONS widget sessions (HTTP start + WebSocket, spread over 127.0.0.x sources) at
/// RAMP-PER-S, measures the server's RSS per idle session (over all sessions, and the marginal cost over the ramp's second
/// half), tries EXTRA more sessions beyond the node limit LIMIT (refused with 503), then has every session send a message every INTERVAL-MS (10 s) for STEADY-S seconds: ack latency (send → stored → ack),
/// customer → agent delivery (send → the agent's chat pane subscription hears it), server CPU. Ends by itself.
/// </summary>
internal static class ChatBench
{
    private static readonly TimeSpan MaxRamp = TimeSpan.FromSeconds(120);

    public static async Task<int> Main(string[] args)
    {
        if (args.FirstOrDefault() == "serve")
        {
            return await ServeMode.RunAsync(args);
        }

        var count = Arg(args, 0, 1000);
        var steady = TimeSpan.FromSeconds(Arg(args, 1, 120));
        var rampRate = Arg(args, 2, 500);
        var agents = Arg(args, 3, 100);
        var capacity = Arg(args, 4, 10);
        var extra = Arg(args, 5, 200);
        var limit = Arg(args, 6, count);
        var interval = TimeSpan.FromMilliseconds(Arg(args, 7, 10_000));
        var sources = Math.Max(1, (int)Math.Ceiling(count / 20_000.0));
        Console.WriteLine($"chat bench: {count} sessions (limit {limit}, then {extra} more), ramp {rampRate}/s, 1 message / {interval.TotalSeconds} s each for {steady.TotalSeconds} s, " +
            $"{agents} agents x {capacity} chats, {sources} source address(es), {Environment.ProcessorCount} cores, load {LoadAverage()}");

        using var server = await ServerProcess.StartAsync(agents, capacity,
        [
            $"Parley:WebChat:MaxConnections={limit}",
            "Parley:WebChat:IpMessagesPerSecond=1000000",
            "Parley:WebChat:IpMessageBurst=1000000",
            // Every visitor comes from loopback: the per-address budgets for starting chats and holding sockets would refuse
            // all but the first few (they have their own tests).
            "Parley:WebChat:IpChatStartBurst=1000000",
            "Parley:WebChat:IpChatStartsPerMinute=1000000",
            "Parley:WebChat:MaxConnectionsPerIp=10000000",
            // CHAT_BENCH_SETTINGS="Key=value …" adds or overrides server settings for an experiment.
            .. (Environment.GetEnvironmentVariable("CHAT_BENCH_SETTINGS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
        ]);
        using var visitors = new Visitors(server.Address, sources);
        var (heap0, _) = await server.CollectAsync();
        var rss0 = server.Rss();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server pid {server.Id} at {server.Address}: RSS {rss0 / 1048576.0:0} MiB, heap {heap0 / 1048576.0:0} MiB before the ramp"));

        // The ramp in two halves, measured idle after each: the second half's growth is the marginal cost of a session,
        // without the one-off costs the first sessions bring (JIT'd code, thread pool growth, caches).
        var sessions = new List<VisitorSession>(count);
        var ramp = Stopwatch.StartNew();
        var cpuRamp0 = server.Cpu();
        await OpenAsync(visitors, sessions, count / 2, rampRate, 0);
        ramp.Stop();
        var cpuRamp = server.Cpu() - cpuRamp0;
        var half = sessions.Count;
        await Task.Delay(TimeSpan.FromSeconds(5));
        var (heapHalf, _) = await server.CollectAsync();
        var rssHalf = server.Rss();
        var poolHalf = server.Pool;
        await HeapDump.TakeAsync(server.Id, $"{sessions.Count}");
        ramp.Start();
        cpuRamp0 = server.Cpu();
        await OpenAsync(visitors, sessions, count - (count / 2), rampRate, count / 2);
        var rampTime = ramp.Elapsed;
        cpuRamp += server.Cpu() - cpuRamp0;
        var open = sessions.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ramp: {open} of {count} open in {rampTime.TotalSeconds:0.0} s ({open / rampTime.TotalSeconds:0}/s), server CPU {cpuRamp.TotalSeconds / rampTime.TotalSeconds * 100:0} %; " +
            $"start+connect {visitors.Connect.Summary()}; refused 503 {visitors.Refused503}, other {visitors.RefusedOther}, failed {visitors.Failed}; load {LoadAverage()}"));

        await Task.Delay(TimeSpan.FromSeconds(5));
        var (heap1, sockets) = await server.CollectAsync();
        var rss1 = server.Rss();
        await HeapDump.TakeAsync(server.Id, $"{sessions.Count}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"idle: {sockets} server sockets, RSS {rss1 / 1048576.0:0} MiB (+{(rss1 - rss0) / 1048576.0:0}), heap {heap1 / 1048576.0:0} MiB (+{(heap1 - heap0) / 1048576.0:0}); " +
            $"per idle session: RSS {(rss1 - rss0) / (double)Math.Max(1, open) / 1024:0.0} KB, managed heap {(heap1 - heap0) / (double)Math.Max(1, open) / 1024:0.0} KB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"idle, marginal ({half} -> {open} sessions): per idle session: RSS {(rss1 - rssHalf) / (double)Math.Max(1, open - half) / 1024:0.0} KB, " +
            $"managed heap {(heap1 - heapHalf) / (double)Math.Max(1, open - half) / 1024:0.0} KB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"idle, Kestrel memory pool: {server.Pool.Pooled / 1048576.0:0.0} MiB waiting in the pool, {server.Pool.Lent / 1048576.0:0.0} MiB lent out; " +
            $"marginal per idle session: pooled {(server.Pool.Pooled - poolHalf.Pooled) / (double)Math.Max(1, open - half) / 1024:0.0} KB, lent {(server.Pool.Lent - poolHalf.Lent) / (double)Math.Max(1, open - half) / 1024:0.0} KB"));

        var refusedBefore = visitors.Refused503;
        var failedBefore = visitors.Failed;
        var extras = new List<VisitorSession>();
        await OpenAsync(visitors, extras, extra, rampRate, count);
        Console.WriteLine($"beyond the limit: {extra} tried, {extras.Count} opened, {visitors.Refused503 - refusedBefore} refused 503, {visitors.Failed - failedBefore} failed; " +
            $"existing sessions still open: {sessions.Count(s => s.Open)} of {open}");

        var cpu0 = server.Cpu();
        var clock = Stopwatch.StartNew();
        long issued = 0;
        using (var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10)))
        {
            while (clock.Elapsed < steady && await timer.WaitForNextTickAsync())
            {
                var due = (long)(clock.Elapsed.TotalSeconds * open / interval.TotalSeconds);
                for (; issued < due; issued++)
                {
                    _ = sessions[(int)(issued % open)].SendAsync();
                }
            }
        }

        var cpu = server.Cpu() - cpu0;
        var driven = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(3));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"steady: {visitors.Sent} sent in {driven.TotalSeconds:0} s ({visitors.Sent / driven.TotalSeconds:0}/s), {visitors.Acked} acked, {visitors.RateRefused} refused (rate), " +
            $"{visitors.Closed} closed by the server; server CPU {cpu.TotalSeconds / driven.TotalSeconds * 100:0} % of one core; load {LoadAverage()}"));
        Console.WriteLine($"ack (send -> stored -> ack): {visitors.Ack.Summary()}");
        Console.WriteLine($"sessions still open at the end: {sessions.Count(s => s.Open)} of {open}");
        foreach (var line in await server.ReportAsync())
        {
            Console.WriteLine(line.StartsWith("delivery", StringComparison.Ordinal) ? $"customer -> agent delivery (send -> chat pane subscription), routed chats only: {line[9..]}" : line);
        }

        foreach (var session in sessions.Concat(extras))
        {
            session.Abort();
        }

        return 0;
    }

    /// <summary>Opens <paramref name="count"/> sessions at <paramref name="rate"/> per second (64 at once at most), for at most <see cref="MaxRamp"/>.</summary>
    private static async Task OpenAsync(Visitors visitors, List<VisitorSession> opened, int count, int rate, int firstIndex)
    {
        using var concurrency = new SemaphoreSlim(64);
        var tasks = new List<Task>();
        var clock = Stopwatch.StartNew();
        var next = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        while (next < count && clock.Elapsed < MaxRamp && await timer.WaitForNextTickAsync())
        {
            var due = Math.Min(count, (int)(clock.Elapsed.TotalSeconds * rate));
            while (next < due && concurrency.Wait(0))
            {
                var session = new VisitorSession(visitors, firstIndex + next++);
                tasks.Add(Task.Run(async () =>
                {
                    try
                    {
                        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                        if (await session.ConnectAsync(cts.Token))
                        {
                            lock (opened)
                            {
                                opened.Add(session);
                            }
                        }
                    }
                    finally
                    {
                        concurrency.Release();
                    }
                }));
            }
        }

        await Task.WhenAll(tasks);
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static int Arg(string[] args, int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
}
