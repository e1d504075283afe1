namespace Parley.Server.Usage;

/// <summary>
/// Computes usage from raw records: a pure function, so usage can be rebuilt from the records at any time and a
/// re-run replaces rows rather than adding to them. Every source record is counted once (by id, however often it is
/// listed: records read twice, or from two nodes, never double count) on the local day (in <c>zone</c>) it started;
/// only seat spans are split at local midnights, since seat-hours and the peak are per day.
/// </summary>
public static class UsageCalculator
{
    public static Dictionary<UsageKey, long> Compute(UsageRecords records, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(zone);
        var usage = new Dictionary<UsageKey, long>();
        foreach (var call in records.Calls.DistinctBy(c => c.Id))
        {
            var day = DayOf(call.ArrivedAt, zone);
            var dimension = $"{(call.Inbound ? "in" : "out")}|{call.TrunkId?.ToString("D") ?? "-"}|{call.Number ?? "-"}";
            Add(usage, new UsageKey(day, UsageMeters.CallSeconds, dimension), Math.Max(0, call.TalkMs) / 1000);
            Add(usage, new UsageKey(day, UsageMeters.IvrSeconds, UsageMeters.All), Math.Max(0, call.IvrMs) / 1000);
            Add(usage, new UsageKey(day, UsageMeters.RecordedSeconds, UsageMeters.All), Math.Max(0, call.RecordedMs) / 1000);
            Add(usage, new UsageKey(day, UsageMeters.RecordingBytes, UsageMeters.All), Math.Max(0, call.RecordingBytes));
        }

        foreach (var chat in records.Chats.DistinctBy(c => c.Id))
        {
            var day = DayOf(chat.StartedAt, zone);
            Add(usage, new UsageKey(day, UsageMeters.ChatSessions, UsageMeters.All), 1);
            Add(usage, new UsageKey(day, UsageMeters.ChatMessages, UsageMeters.All), Math.Max(0, chat.Messages));
        }

        foreach (var delivery in records.Deliveries.DistinctBy(d => d.Id))
        {
            Add(usage, new UsageKey(DayOf(delivery.CreatedAt, zone), UsageMeters.WebhookDeliveries, UsageMeters.All), 1);
        }

        // One count per node and hour (a row read twice is still one).
        foreach (var hour in (records.ApiCalls ?? []).DistinctBy(a => (a.Hour, a.NodeId)))
        {
            Add(usage, new UsageKey(DayOf(hour.Hour, zone), UsageMeters.ApiCalls, UsageMeters.All), Math.Max(0, hour.Count));
        }

        AddSeats(usage, records.Seats.DistinctBy(s => s.Id).Where(s => s.To > s.From).ToList(), zone);
        return usage;
    }

    public static DateOnly DayOf(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    /// <summary>Seat seconds per day (spans cut at local midnight) and the day's peak of spans open at once.</summary>
    private static void AddSeats(Dictionary<UsageKey, long> usage, List<SeatSpan> spans, TimeZoneInfo zone)
    {
        var edges = new List<(DateTimeOffset At, int Delta)>();
        foreach (var span in spans)
        {
            var from = span.From;
            while (from < span.To)
            {
                var day = DayOf(from, zone);
                var end = Min(span.To, StartOf(day.AddDays(1), zone));
                Add(usage, new UsageKey(day, UsageMeters.SeatSeconds, UsageMeters.All), (long)(end - from).TotalSeconds);
                from = end;
            }

            edges.Add((span.From, 1));
            edges.Add((span.To, -1));
        }

        // Ends before starts at the same instant: a hand-over between two agents is not a peak of two.
        var open = 0;
        foreach (var (at, delta) in edges.OrderBy(e => e.At).ThenBy(e => e.Delta))
        {
            open += delta;
            if (delta > 0)
            {
                var key = new UsageKey(DayOf(at, zone), UsageMeters.SeatPeak, UsageMeters.All);
                usage[key] = Math.Max(usage.GetValueOrDefault(key), open);
            }
        }

        // A span open across midnight is in use at the start of each later day it covers.
        foreach (var span in spans)
        {
            for (var day = DayOf(span.From, zone).AddDays(1); StartOf(day, zone) < span.To; day = day.AddDays(1))
            {
                var start = StartOf(day, zone);
                var atMidnight = spans.Count(s => s.From <= start && s.To > start);
                var key = new UsageKey(day, UsageMeters.SeatPeak, UsageMeters.All);
                usage[key] = Math.Max(usage.GetValueOrDefault(key), atMidnight);
            }
        }
    }

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone) =>
        Application.Supervision.SupervisorDashboard.StartOf(zone, day);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static void Add(Dictionary<UsageKey, long> usage, UsageKey key, long quantity) =>
        usage[key] = usage.GetValueOrDefault(key) + quantity;
}
