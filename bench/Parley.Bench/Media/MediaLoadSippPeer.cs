using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Parley.Media;
using Parley.Media.Scheduling;
using Parley.Media.Sdp;
using Parley.Sip.Dialogs;
using Parley.Sip.Stack;

namespace Parley.Bench.Media;

/// <summary>
/// <c>media-load --role sipp</c>: SIPp is the far end. Parley places N calls with <see cref="SipStack"/> to SIPp's
/// built-in UAS started with <c>-rtp_echo</c>, negotiates SDP, and runs one <see cref="MediaSession"/> per call sending
/// a 20 ms PCMU frame every tick to SIPp's echo port; SIPp sends every packet straight back. Loss is the round trip
/// (Parley → SIPp → Parley); send jitter is the media clock's lateness. The calls end with BYE.
/// </summary>
internal static class MediaLoadSippPeer
{
    public static async Task<int> RunAsync(LoadArgs a, CancellationToken cancellationToken)
    {
        if (a.SippPort <= 0)
        {
            throw new ArgumentException("--role sipp needs --sipp-port (SIPp's SIP port on 127.0.0.1).");
        }

        await using var engine = new MediaEngine(a.EngineOptions());
        await using var stack = new SipStack(new SipStackOptions { BindAddress = IPAddress.Loopback, Port = 0, PublicHost = "127.0.0.1" }, new NoIncomingCalls());
        stack.Start();

        Console.WriteLine($"media-load sipp: {a.Sessions} calls to SIPp at 127.0.0.1:{a.SippPort}, {a.CallRate} calls/s, then {a.Warmup} s warm-up and {a.Seconds} s measured, {Environment.ProcessorCount} cores");
        var calls = await PlaceCallsAsync(engine, stack, a, cancellationToken);
        Console.WriteLine($"  {calls.Count} of {a.Sessions} calls answered with SDP; media running");

        await Task.Delay(TimeSpan.FromSeconds(a.Warmup), cancellationToken);
        engine.Clock.SendJitter.Reset();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var (sentBefore, receivedBefore) = Totals(calls);
        var wall = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(a.Seconds), cancellationToken);
        var elapsed = wall.Elapsed;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds / elapsed.TotalSeconds * 100;
        var jitter = engine.Clock.SendJitter;
        var p50 = jitter.Percentile(50);
        var p99 = jitter.Percentile(99);
        var p999 = jitter.Percentile(99.9);
        var (sentAtEnd, receivedAtEnd) = Totals(calls);

        // Stop sending, let the last round trips come home, then count: loss covers the whole run, warm-up included.
        foreach (var call in calls)
        {
            call.Session.SendSilenceWhenIdle = false;
        }

        await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        var (sentTotal, receivedTotal) = Totals(calls);
        var byes = await HangUpAsync(calls, cancellationToken);

        var lossPct = sentTotal == 0 ? 100 : Math.Max(0, sentTotal - receivedTotal) * 100.0 / sentTotal;
        var measuredSent = sentAtEnd - sentBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  measured window: sent {measuredSent:N0} ({measuredSent / elapsed.TotalSeconds:N0}/s), echoed back {receivedAtEnd - receivedBefore:N0}; whole run: sent {sentTotal:N0}, echoed back {receivedTotal:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  send jitter p50 {p50.TotalMilliseconds:F2} ms, p99 {p99.TotalMilliseconds:F2} ms, p99.9 {p999.TotalMilliseconds:F2} ms; clock overruns {engine.Clock.Overruns}, {engine.Clock.AppliedPriority} x{engine.Clock.Lanes} lanes"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Parley CPU {cpu:F0}% of one core; {byes} of {calls.Count} BYEs answered 200; machine load average {LoadArgs.LoadAverage()}"));
        var pass = calls.Count == a.Sessions && lossPct < 0.1 && p99 < TimeSpan.FromMilliseconds(5);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"media-load sipp sessions={calls.Count} loss={lossPct:F3}% send-jitter-p99={p99.TotalMilliseconds:F2}ms {(pass ? "PASS" : "FAIL")} (target loss<0.1%, p99<5ms)"));
        return pass ? 0 : 1;
    }

    private static async Task<List<SippCall>> PlaceCallsAsync(MediaEngine engine, SipStack stack, LoadArgs a, CancellationToken cancellationToken)
    {
        var calls = new List<SippCall>(a.Sessions);
        var pending = new List<Task<SippCall?>>();
        var interval = TimeSpan.FromSeconds(1.0 / Math.Max(1, a.CallRate));
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < a.Sessions; i++)
        {
            var due = interval * i;
            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            pending.Add(PlaceCallAsync(engine, stack, a.SippPort, i, cancellationToken));
        }

        foreach (var call in await Task.WhenAll(pending))
        {
            if (call is not null)
            {
                calls.Add(call);
            }
        }

        return calls;
    }

    private static async Task<SippCall?> PlaceCallAsync(MediaEngine engine, SipStack stack, int sippPort, int index, CancellationToken cancellationToken)
    {
        var session = engine.CreateSession();
        var local = new SdpOfferParameters(IPAddress.Loopback, session.LocalPort) { SessionId = (ulong)index + 1 };
        var offer = SdpNegotiator.CreateOffer(local);
        var result = await stack.InviteAsync(
            $"sip:echo@127.0.0.1:{sippPort}",
            Encoding.ASCII.GetBytes(offer.ToString()),
            new SipInviteOptions { From = $"sip:load{index}@127.0.0.1" },
            cancellationToken);
        if (result.Dialog is null || result.Dialog.RemoteSdp.IsEmpty)
        {
            Console.WriteLine($"  call {index}: SIPp answered {result.StatusCode} without a dialog and SDP");
            await session.DisposeAsync();
            return null;
        }

        var audio = SdpNegotiator.ProcessAnswer(offer, SdpParser.Parse(result.Dialog.RemoteSdp.Span), local);
        session.SendSilenceWhenIdle = true;
        session.Start(audio);
        return new SippCall(result.Dialog, session);
    }

    private static async Task<int> HangUpAsync(List<SippCall> calls, CancellationToken cancellationToken)
    {
        var byes = await Task.WhenAll(calls.ConvertAll(async call =>
        {
            await call.Session.DisposeAsync();
            var response = await call.Dialog.ByeAsync(cancellationToken);
            return response.StatusCode == 200 ? 1 : 0;
        }));
        return byes.Sum();
    }

    private static (long Sent, long Received) Totals(List<SippCall> calls)
    {
        long sent = 0;
        long received = 0;
        foreach (var call in calls)
        {
            var statistics = call.Session.GetStatistics();
            sent += statistics.PacketsSent;
            received += statistics.PacketsReceived;
        }

        return (sent, received);
    }

    private sealed record SippCall(SipDialog Dialog, MediaSession Session);

    private sealed class NoIncomingCalls : SipApplication;
}
