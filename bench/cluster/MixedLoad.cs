using System.Globalization;

namespace Parley.Bench.Cluster;

/// <summary>
/// <c>dotnet bench/cluster/bin/Release/net10.0/Parley.Bench.Cluster.dll NODES TOKEN QUEUE-ID WIDGET-KEY ORIGIN API-CONNECTIONS
/// CHATS CHAT-INTERVAL-MS MAX-SECONDS OUT-DIR</c>: the web half of the cluster benchmarks (<c>bench/cluster/*.sh</c>, which
/// add the calls through Kamailio). NODES is a comma-separated list of the nodes' base URLs. API-CONNECTIONS closed-loop
/// writers (<see cref="ApiWriters"/>) and CHATS widgets (<see cref="ChatVisitor"/>) run until OUT-DIR/stop appears or
/// MAX-SECONDS have passed, then it writes OUT-DIR/interactions.txt (acknowledged ids), OUT-DIR/api.csv (every request:
/// sent-ms,answered-ms,node,status) and OUT-DIR/chats.csv (chat id, highest message number acknowledged, highest sent),
/// and a summary on stdout.
/// </summary>
internal static class MixedLoad
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 10)
        {
            Console.Error.WriteLine("usage: NODES TOKEN QUEUE-ID WIDGET-KEY ORIGIN API-CONNECTIONS CHATS CHAT-INTERVAL-MS MAX-SECONDS OUT-DIR");
            return 2;
        }

        var nodes = args[0].Split(',').Select(u => new Uri(u)).ToList();
        var apiConnections = int.Parse(args[5], CultureInfo.InvariantCulture);
        var chats = int.Parse(args[6], CultureInfo.InvariantCulture);
        var interval = TimeSpan.FromMilliseconds(int.Parse(args[7], CultureInfo.InvariantCulture));
        var maxSeconds = int.Parse(args[8], CultureInfo.InvariantCulture);
        var outDir = args[9];
        var stopFile = Path.Combine(outDir, "stop");

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(maxSeconds));
        using var api = new ApiWriters(nodes, args[1], args[2], apiConnections);
        using var load = new ChatLoad(nodes, args[3], args[4]);
        var visitors = Enumerable.Range(0, chats).Select(i => new ChatVisitor(load, i)).ToList();
        var started = Clock.UnixMs();
        Console.WriteLine($"mixed load: {apiConnections} API writers and {chats} chats (1 message / {interval.TotalSeconds} s each) over {nodes.Count} nodes, until {stopFile} or {maxSeconds} s");

        var running = new List<Task> { api.RunAsync(stop.Token) };
        running.AddRange(visitors.Select(v => Task.Run(() => v.RunAsync(interval, stop.Token), CancellationToken.None)));
        var watcher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (File.Exists(stopFile))
                {
                    await stop.CancelAsync();
                }

                await Task.Delay(200, CancellationToken.None);
            }
        }, CancellationToken.None);
        await Task.WhenAll(running);
        await watcher;
        var elapsed = (Clock.UnixMs() - started) / 1000.0;

        await File.WriteAllLinesAsync(Path.Combine(outDir, "interactions.txt"), api.Acknowledged);
        await File.WriteAllLinesAsync(Path.Combine(outDir, "api.csv"), api.Records);
        await File.WriteAllLinesAsync(Path.Combine(outDir, "chats.csv"),
            visitors.Where(v => v.ChatId != Guid.Empty).Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.ChatId},{v.Acked},{v.Sent}")));

        var acknowledged = api.Acknowledged.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"api: {acknowledged} acknowledged in {elapsed:0} s ({acknowledged / elapsed:0}/s); latency {api.Latency.Summary()}"));
        Console.WriteLine("api statuses: " + string.Join(", ", api.Statuses.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "no answer" : s.Key)}: {s.Value}")));
        Console.WriteLine($"chats: {load.Started} started ({load.StartRetries} start attempts refused or failed), {load.Sent} messages sent, {load.Resent} re-sent after a reconnect, " +
            $"{visitors.Sum(v => v.Acked)} acknowledged, {visitors.Sum(v => v.Sent - v.Acked)} not acknowledged by the end, {load.Refused} refused (rate)");
        Console.WriteLine($"chat sockets: {load.Closed} closed by a node, {load.Reconnects} reconnects, {load.ConnectFailures} failed connection attempts, {load.AcksOutOfOrder} acks out of order");
        return 0;
    }
}
