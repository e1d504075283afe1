using System.Diagnostics;
using System.Globalization;
using Parley.Media;
using Parley.Media.Codecs;
using Parley.Media.Scheduling;
using Parley.Media.Sdp;

namespace Parley.Bench.Media;

/// <summary>
/// <c>media-load --role engine</c>: only the echo sessions, for a peer in another process. Their SDP points at the
/// discard port; symmetric RTP latches each onto whoever really sends. Ports go to <c>--ports-file</c>.
/// </summary>
internal static class MediaLoadEngineOnly
{
    public static async Task<int> RunAsync(LoadArgs a, CancellationToken cancellationToken)
    {
        var portsFile = a.PortsFile ?? Path.Combine(Path.GetTempPath(), "media-load-ports.txt");
        await using var engine = new MediaEngine(a.EngineOptions());
        var sessions = new List<MediaSession>(a.Sessions);
        for (var i = 0; i < a.Sessions; i++)
        {
            var session = engine.CreateSession();
            session.Echo = true;
            session.Start(new NegotiatedAudio(AudioCodec.Pcmu, 0, 101, "127.0.0.1", 9, MediaDirection.SendRecv, 20));
            sessions.Add(session);
        }

        await File.WriteAllLinesAsync(portsFile, sessions.ConvertAll(s => s.LocalPort.ToString(CultureInfo.InvariantCulture)), cancellationToken);
        Console.WriteLine($"media-load engine: {a.Sessions} echo sessions, ports in {portsFile}; running {a.Warmup + a.Seconds + 8} s");
        var process = Process.GetCurrentProcess();
        await Task.Delay(TimeSpan.FromSeconds(a.Warmup), cancellationToken);
        engine.Clock.SendJitter.Reset();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(a.Seconds), cancellationToken);
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds / wall.Elapsed.TotalSeconds * 100;
        var jitter = engine.Clock.SendJitter;
        await Task.Delay(TimeSpan.FromSeconds(8), cancellationToken);

        long received = 0;
        long sent = 0;
        long dropped = 0;
        foreach (var s in sessions)
        {
            var st = s.GetStatistics();
            received += st.PacketsReceived;
            sent += st.PacketsSent;
            dropped += st.OutgoingFramesDropped;
            await s.DisposeAsync();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  received {received:N0}, sent {sent:N0}, echo frames dropped {dropped:N0}, clock overruns {engine.Clock.Overruns}, clock {engine.Clock.AppliedPriority} x{engine.Clock.Lanes} lanes"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"media-load engine sessions={a.Sessions} send-jitter p50={jitter.Percentile(50).TotalMilliseconds:F2}ms p99={jitter.Percentile(99).TotalMilliseconds:F2}ms p99.9={jitter.Percentile(99.9).TotalMilliseconds:F2}ms CPU={cpu:F0}% of one core, load average {LoadArgs.LoadAverage()}"));
        return 0;
    }
}
