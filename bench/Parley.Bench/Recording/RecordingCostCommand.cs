using System.Diagnostics;
using System.Globalization;
using Parley.Bench.Sip;
using Parley.Media.Codecs;
using Parley.Media.Scheduling;
using Parley.Voice.Recording;

namespace Parley.Bench.Recording;

/// <summary>
/// What call recording costs per recorded call-second, outside the server and its noise: N <see cref="CallRecorder"/>s
/// on the node's <see cref="RecordingClock"/>, each fed one customer and one agent G.711 frame every 20 ms from one
/// "receive" thread (as the media hooks are), for S seconds, then finished (header, SHA-256). Prints bytes allocated,
/// GC collections and CPU per recorded call-second, and the send lateness of a real <see cref="MediaClock"/> serving
/// one idle stream per call meanwhile — the one figure here that depends on the machine.
/// <c>dotnet run -c Release --project bench/Parley.Bench -- recording-cost 600 20 [directory]</c>
/// </summary>
public sealed class RecordingCostCommand : IBenchCommand
{
    public string Name => "recording-cost";

    public string Description => "N call recordings for S seconds: bytes allocated, GCs and CPU per recorded call-second";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 600;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var directory = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), "parley-recording-cost-" + Environment.ProcessId);
        Directory.CreateDirectory(directory);
        try
        {
            return await RunAsync(calls, seconds, directory, cancellationToken);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<int> RunAsync(int calls, int seconds, string directory, CancellationToken cancellationToken)
    {
        var clock = new RecordingClock(TimeProvider.System);
        var recorders = new CallRecorder[calls];
        var agentLegs = new object[calls];
        var paths = new string[calls];
        await using var mediaClock = new MediaClock(TimeProvider.System);
        for (var i = 0; i < calls; i++)
        {
            agentLegs[i] = new object();
            paths[i] = Path.Combine(directory, i.ToString(CultureInfo.InvariantCulture) + ".wav");
            mediaClock.Register(new IdleStream());
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var feeder = new Thread(() => Feed(recorders, agentLegs, stop.Token)) { IsBackground = true, Name = "recording-cost feeder" };
        mediaClock.Start();

        // Starting: the files, then one second of frames (the writers' buffers and the queues' spare frames fill), not counted below.
        var allocatedBeforeCreate = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < calls; i++)
        {
            recorders[i] = CallRecorder.Create(paths[i]);
        }

        foreach (var recorder in recorders)
        {
            clock.Add(recorder);
        }

        feeder.Start();
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        mediaClock.SendJitter.Reset();
        var createAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBeforeCreate;
        var gc = GcSnapshot.Take();
        var allocated0 = GC.GetTotalAllocatedBytes(precise: true);
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken);
        var elapsed = wall.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        var gcText = GcSnapshot.Take().Since(gc);
        var jitter = mediaClock.SendJitter;
        await stop.CancelAsync();
        feeder.Join();

        var finish = Stopwatch.StartNew();
        var allocatedBeforeFinish = GC.GetTotalAllocatedBytes(precise: true);
        long bytes = 0;
        foreach (var recorder in recorders)
        {
            clock.Remove(recorder);
            bytes += recorder.Finish().SizeBytes;
            recorder.Dispose();
        }

        var finishAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBeforeFinish;
        var callSeconds = calls * elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{calls} recordings for {elapsed.TotalSeconds:F1} s ({callSeconds:F0} recorded call-seconds), {bytes / 1_048_576.0:F1} MiB written"));
        Console.WriteLine(gcText);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"starting a recording (file, its buffers, the first second of frames): {createAllocated / (double)calls:F0} B allocated per recording"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"finishing {calls} recordings (header + SHA-256): {finish.Elapsed.TotalMilliseconds:F0} ms, {finishAllocated / (double)calls:F0} B allocated per recording"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"media clock ({calls} idle streams, thread priority {mediaClock.AppliedPriority}): send lateness p50 {jitter.Percentile(50).TotalMilliseconds:F2} ms, p99 {jitter.Percentile(99).TotalMilliseconds:F2} ms, max {jitter.Max.TotalMilliseconds:F1} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"recording-cost: {allocated / callSeconds:F0} B allocated and {cpu.TotalMicroseconds / callSeconds:F0} µs CPU per recorded call-second (feeder included)"));
        return 0;
    }

    /// <summary>The media hooks' side: one customer and one agent frame per recording every 20 ms, paced by absolute deadlines.</summary>
    private static void Feed(CallRecorder[] recorders, object[] agentLegs, CancellationToken token)
    {
        var payload = new byte[CallRecorder.FrameSamples];
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)(0x20 + (i % 64));
        }

        var start = Stopwatch.GetTimestamp();
        for (long frame = 0; !token.IsCancellationRequested; frame++)
        {
            for (var i = 0; i < recorders.Length; i++)
            {
                recorders[i].CustomerFrame(AudioCodec.Pcmu, payload);
                recorders[i].AgentFrame(agentLegs[i], AudioCodec.Pcmu, payload);
            }

            var wait = TimeSpan.FromMilliseconds((frame + 1) * 20) - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                Thread.Sleep(wait);
            }
        }
    }

    /// <summary>A stream with nothing to send: the clock's lateness is all it measures.</summary>
    private sealed class IdleStream : IPacedStream
    {
        public void OnFrame(in MediaTick tick)
        {
        }
    }
}
