using System.Diagnostics;
using System.Globalization;
using Parley.Routing;
using Parley.Routing.Channels;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Bench.Routing;

/// <summary>
/// Steady arrival/accept/end mix: each step advances the simulated clock 1 ms, ends a random active interaction once
/// the target occupancy is reached, enqueues one interaction on a random queue (or ends another when the backlog is
/// full) and answers every offer (2% rejected, the rest accepted). Every engine call is timed.
/// </summary>
internal sealed class RoutingDriver(RoutingEngine engine, ManualClock clock, OfferCollector sink, Random random, int targetActive)
{
    public const int MaxBacklog = 3_000;

    private static readonly string[] QueueIds = [.. Enumerable.Range(0, RoutingTenant.Queues).Select(q => string.Create(CultureInfo.InvariantCulture, $"q{q}"))];
    private readonly List<InteractionId> _active = [];
    private long _next;

    public LatencyHistogram Latency { get; private set; } = new();

    public long Arrivals { get; private set; }

    public long Accepts { get; private set; }

    public long Rejects { get; private set; }

    public long Ends { get; private set; }

    public long Ticks { get; private set; }

    public double MaxTickMilliseconds { get; private set; }

    public int Active => _active.Count;

    public void Reset()
    {
        Latency = new LatencyHistogram();
        (Arrivals, Accepts, Rejects, Ends, Ticks, MaxTickMilliseconds) = (0, 0, 0, 0, 0, 0);
    }

    /// <summary>Runs steps until <paramref name="duration"/> elapses; returns the elapsed wall time.</summary>
    public TimeSpan Run(TimeSpan duration, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var batches = 0;
        while (watch.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            for (var i = 0; i < 1024; i++)
            {
                Step();
            }

            if (++batches % 64 == 0)
            {
                var start = Stopwatch.GetTimestamp();
                engine.Tick();
                MaxTickMilliseconds = Math.Max(MaxTickMilliseconds, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                Ticks++;
            }
        }

        return watch.Elapsed;
    }

    private void Step()
    {
        clock.Advance(TimeSpan.FromMilliseconds(1));
        if (_active.Count >= targetActive)
        {
            EndOne();
        }

        if (engine.InteractionCount - _active.Count < MaxBacklog)
        {
            var q = random.Next(RoutingTenant.Queues);
            var channel = q >= RoutingTenant.ChatQueuesFrom ? Channel.Chat : Channel.Voice;
            var request = new InteractionRequest(new InteractionId(string.Create(CultureInfo.InvariantCulture, $"i{_next++}")), new QueueId(QueueIds[q]), channel, random.Next(2));
            var start = Stopwatch.GetTimestamp();
            engine.Enqueue(request);
            Latency.Record(Stopwatch.GetTimestamp() - start);
            Arrivals++;
            Answer();
        }
        else
        {
            EndOne();
        }
    }

    private void EndOne()
    {
        if (_active.Count == 0)
        {
            return;
        }

        var index = random.Next(_active.Count);
        var id = _active[index];
        _active[index] = _active[^1];
        _active.RemoveAt(_active.Count - 1);
        var start = Stopwatch.GetTimestamp();
        engine.End(id);
        Latency.Record(Stopwatch.GetTimestamp() - start);
        Ends++;
        Answer();
    }

    /// <summary>Ends every active interaction so the next phase starts from idle agents (wrap-ups expire on their own).</summary>
    public void EndAll()
    {
        foreach (var id in _active)
        {
            engine.End(id);
        }

        _active.Clear();
        sink.Offers.Clear();
    }

    private void Answer()
    {
        var offers = sink.Offers;
        for (var i = 0; i < offers.Count; i++)
        {
            var (interaction, agent) = offers[i];
            var reject = random.Next(50) == 0;
            var start = Stopwatch.GetTimestamp();
            var result = reject ? engine.Reject(interaction, agent) : engine.Accept(interaction, agent);
            Latency.Record(Stopwatch.GetTimestamp() - start);
            if (result != RoutingResult.Ok)
            {
                continue;
            }

            if (reject)
            {
                Rejects++;
            }
            else
            {
                Accepts++;
                _active.Add(interaction);
            }
        }

        offers.Clear();
    }
}
