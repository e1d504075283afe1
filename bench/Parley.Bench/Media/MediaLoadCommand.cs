using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Parley.Media;
using Parley.Media.Codecs;
using Parley.Media.Rtp;
using Parley.Media.Scheduling;
using Parley.Media.Sdp;

namespace Parley.Bench.Media;

/// <summary>
/// Media engine load: N echo sessions (the system under test, one <see cref="MediaEngine"/>) and N far-end callers
/// (one socket, one clock) on loopback, 50 packets/s each way per session. Prints loss and send jitter.
/// <c>dotnet run -c Release --project bench/Parley.Bench -- media-load --sessions 2000 --seconds 30 [--priority realtime]</c>
/// <para>
/// <c>--role engine</c> runs only the echo sessions (for an external peer such as SIPp or a second <c>media-load</c>
/// process with <c>--role callers</c>): the engine latches onto whoever sends, so the peer needs only the ports,
/// which are written to <c>--ports-file</c>. <c>--role sipp --sipp-port P</c> calls SIPp's UAS (running with
/// <c>-rtp_echo</c>) over SIP and uses SIPp as the RTP peer (<see cref="MediaLoadSippPeer"/>).
/// </para>
/// </summary>
public sealed class MediaLoadCommand : IBenchCommand
{
    public string Name => "media-load";

    public string Description => "N echo RTP sessions on loopback, 50 pkt/s each way: loss %, send jitter p99 [--role engine|callers|both|sipp]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var a = LoadArgs.Parse(args);
        if (a.Role == "engine")
        {
            return await MediaLoadEngineOnly.RunAsync(a, cancellationToken);
        }

        if (a.Role == "sipp")
        {
            return await MediaLoadSippPeer.RunAsync(a, cancellationToken);
        }

        var sessions = a.Sessions;
        var seconds = a.Seconds;
        var warmup = a.Warmup;
        var portMin = a.PortMin;
        var priority = a.Priority;
        var clockOptions = new MediaClockOptions { ThreadPriority = priority, Lanes = a.Lanes };

        await using var engine = new MediaEngine(a.EngineOptions());

        using var callerSocket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        callerSocket.ReceiveBufferSize = 4 * 1024 * 1024;
        callerSocket.SendBufferSize = 4 * 1024 * 1024;
        callerSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var callerPort = ((IPEndPoint)callerSocket.LocalEndPoint!).Port;

        var echo = new List<MediaSession>(sessions);
        var callers = new List<LoadGeneratorStream>(sessions);
        await using var callerClock = new MediaClock(TimeProvider.System, clockOptions);
        var externalPorts = a.Role == "callers" ? ReadPorts(a.PortsFile) : null;
        if (externalPorts is not null)
        {
            sessions = externalPorts.Count;
        }

        for (var i = 0; i < sessions; i++)
        {
            int port;
            if (externalPorts is not null)
            {
                port = externalPorts[i];
            }
            else
            {
                var session = engine.CreateSession();
                session.Echo = true;
                session.Start(new NegotiatedAudio(AudioCodec.Pcmu, 0, 101, "127.0.0.1", callerPort, MediaDirection.SendRecv, 20));
                echo.Add(session);
                port = session.LocalPort;
            }

            var caller = new LoadGeneratorStream(callerSocket, port, (uint)(i + 1));
            callers.Add(caller);
            callerClock.Register(caller);
        }

        long received = 0;
        using var stopReceive = new CancellationTokenSource();
        EpollReceiveHost? callerHost = null;
        Task receiveLoop = Task.CompletedTask;
        if (EpollReceiveHost.IsSupported)
        {
            // The callers receive like the engine does: one epoll thread, no per-packet thread-pool dispatch.
            callerHost = new EpollReceiveHost(priority);
            callerHost.Add(callerSocket, (_, _) => received++);
        }
        else
        {
            receiveLoop = Task.Run(
                async () =>
                {
                    var buffer = GC.AllocateUninitializedArray<byte>(2048, pinned: true);
                    var from = new SocketAddress(AddressFamily.InterNetwork);
                    while (!stopReceive.IsCancellationRequested)
                    {
                        try
                        {
                            await callerSocket.ReceiveFromAsync(buffer, SocketFlags.None, from, stopReceive.Token);
                            Interlocked.Increment(ref received);
                        }
                        catch (OperationCanceledException)
                        {
                            return;
                        }
                        catch (SocketException)
                        {
                        }
                    }
                },
                CancellationToken.None);
        }

        Console.WriteLine($"media-load: {sessions} echo sessions on 127.0.0.1:{portMin}+, {seconds} s measured after {warmup} s warm-up, {Environment.ProcessorCount} cores");
        callerClock.Start();
        await Task.Delay(TimeSpan.FromSeconds(warmup), cancellationToken);
        engine.Clock.SendJitter.Reset();
        callerClock.SendJitter.Reset();
        var sentBefore = Sum(callers, c => c.Sent);
        var receivedBefore = Interlocked.Read(ref received);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var gen0Before = GC.CollectionCount(0);
        var wall = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken);

        foreach (var c in callers)
        {
            c.Enabled = false;
        }

        var sentTotal = Sum(callers, c => c.Sent);
        var sent = sentTotal - sentBefore;
        var elapsed = wall.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var gcs = GC.CollectionCount(0) - gen0Before;

        // Let packets in flight and the echo FIFOs drain (a few frames) before counting.
        await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        var echoedTotal = Interlocked.Read(ref received);
        var echoed = echoedTotal - receivedBefore;
        await stopReceive.CancelAsync();
        await receiveLoop;
        callerHost?.Dispose();

        long inbound = 0;
        long outbound = 0;
        long sendErrors = 0;
        long fifoDropped = 0;
        foreach (var s in echo)
        {
            var st = s.GetStatistics();
            inbound += st.PacketsReceived;
            outbound += st.PacketsSent;
            sendErrors += st.SendErrors;
            fifoDropped += st.OutgoingFramesDropped;
            await s.DisposeAsync();
        }

        // Loss over the whole run (warm-up included) so nothing in flight at the baseline is miscounted.
        var lossPct = sentTotal == 0 ? 100 : Math.Max(0, sentTotal - echoedTotal) * 100.0 / sentTotal;
        var jitter = engine.Clock.SendJitter;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  measured window: caller packets sent {sent:N0} ({sent / elapsed.TotalSeconds:N0}/s), echoed back {echoed:N0}; whole run: sent {sentTotal:N0}, echoed {echoedTotal:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  engine totals incl. warm-up: received {inbound:N0}, sent {outbound:N0}, clock overruns {engine.Clock.Overruns}, send errors {sendErrors:N0}, echo frames dropped {fifoDropped:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  engine send jitter: p50 {jitter.Percentile(50).TotalMilliseconds:F2} ms, p99 {jitter.Percentile(99).TotalMilliseconds:F2} ms, p99.9 {jitter.Percentile(99.9).TotalMilliseconds:F2} ms, max {jitter.Max.TotalMilliseconds:F2} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  caller send jitter p99 {callerClock.SendJitter.Percentile(99).TotalMilliseconds:F2} ms; CPU {cpu.TotalSeconds / elapsed.TotalSeconds * 100:F0}% of one core ({Environment.ProcessorCount} cores)"));
        Console.WriteLine($"  clock thread priority: engine {engine.Clock.AppliedPriority} x{engine.Clock.Lanes} lanes, callers {callerClock.AppliedPriority}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  allocated {allocated / (double)Math.Max(1, sent * 2):F1} B per packet, {gcs} gen0 GCs; machine load average {LoadArgs.LoadAverage()}"));
        if (externalPorts is not null)
        {
            // The engine runs in another process: its jitter is printed there; judge the loss here.
            jitter = callerClock.SendJitter;
        }

        var pass = lossPct < 0.1 && jitter.Percentile(99) < TimeSpan.FromMilliseconds(5);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"media-load sessions={sessions} loss={lossPct:F3}% send-jitter-p99={jitter.Percentile(99).TotalMilliseconds:F2}ms {(pass ? "PASS" : "FAIL")} (target loss<0.1%, p99<5ms)"));
        return pass ? 0 : 1;
    }

    private static List<int> ReadPorts(string? path)
    {
        if (path is null)
        {
            throw new ArgumentException("--role callers needs --ports-file (written by --role engine).");
        }

        var ports = new List<int>();
        foreach (var line in File.ReadAllLines(path))
        {
            if (int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                ports.Add(port);
            }
        }

        return ports;
    }

    private static long Sum(List<LoadGeneratorStream> callers, Func<LoadGeneratorStream, long> selector)
    {
        long total = 0;
        foreach (var c in callers)
        {
            total += selector(c);
        }

        return total;
    }
}
