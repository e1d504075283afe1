using CsCheck;
using Parley.Server.Usage;

namespace Parley.Server.Tests.Usage;

public sealed class UsageCalculatorTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid TrunkA = Guid.Parse("0000000a-0000-0000-0000-000000000000");
    private static readonly DateOnly Dec1 = new(2026, 12, 1);
    private static readonly DateOnly Dec2 = new(2026, 12, 2);

    [Fact]
    public void AHandComputedDay_GivesTheExpectedMeters()
    {
        var agentA = Guid.NewGuid();
        var agentB = Guid.NewGuid();
        var records = new UsageRecords(
            Seats:
            [
                new SeatSpan(Guid.NewGuid(), agentA, Day0.AddHours(8), Day0.AddHours(12)), // 4 h on Dec 1
                new SeatSpan(Guid.NewGuid(), agentB, Day0.AddHours(10), Day0.AddHours(26)), // 14 h on Dec 1, 2 h on Dec 2
            ],
            Calls:
            [
                new CallUsage(Guid.NewGuid(), true, TrunkA, "+4420123", Day0.AddHours(9), TalkMs: 125_900, IvrMs: 30_000),
                new CallUsage(Guid.NewGuid(), true, TrunkA, "+4420123", Day0.AddHours(11), TalkMs: 60_000, IvrMs: 0),
                new CallUsage(Guid.NewGuid(), false, TrunkA, "+4930555", Day0.AddHours(25), TalkMs: 10_000, IvrMs: 0),
            ],
            Chats: [new ChatUsage(Guid.NewGuid(), Day0.AddHours(13), 7), new ChatUsage(Guid.NewGuid(), Day0.AddHours(14), 3)],
            Deliveries: [new DeliveryUsage(Guid.NewGuid(), Day0.AddHours(1))]);

        var usage = UsageCalculator.Compute(records, TimeZoneInfo.Utc);

        Assert.Equal(18 * 3600, usage[new UsageKey(Dec1, UsageMeters.SeatSeconds, "all")]);
        Assert.Equal(2 * 3600, usage[new UsageKey(Dec2, UsageMeters.SeatSeconds, "all")]);
        Assert.Equal(2, usage[new UsageKey(Dec1, UsageMeters.SeatPeak, "all")]); // 10:00–12:00 both
        Assert.Equal(1, usage[new UsageKey(Dec2, UsageMeters.SeatPeak, "all")]); // B across midnight
        Assert.Equal(125 + 60, usage[new UsageKey(Dec1, UsageMeters.CallSeconds, $"in|{TrunkA:D}|+4420123")]); // whole seconds per call
        Assert.Equal(10, usage[new UsageKey(Dec2, UsageMeters.CallSeconds, $"out|{TrunkA:D}|+4930555")]);
        Assert.Equal(30, usage[new UsageKey(Dec1, UsageMeters.IvrSeconds, "all")]);
        Assert.Equal(0, usage[new UsageKey(Dec1, UsageMeters.RecordedSeconds, "all")]);
        Assert.Equal((2, 10), (usage[new UsageKey(Dec1, UsageMeters.ChatSessions, "all")], usage[new UsageKey(Dec1, UsageMeters.ChatMessages, "all")]));
        Assert.Equal(1, usage[new UsageKey(Dec1, UsageMeters.WebhookDeliveries, "all")]);
    }

    [Fact]
    public void DaysAreTheTenantsLocalDays()
    {
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var chat = new ChatUsage(Guid.NewGuid(), Day0.AddHours(17), 1); // 01:00 on Dec 2 in Shanghai
        var usage = UsageCalculator.Compute(UsageRecords.Empty with { Chats = [chat] }, shanghai);
        Assert.Equal(1, usage[new UsageKey(Dec2, UsageMeters.ChatSessions, "all")]);
    }

    [Fact]
    public void UsageEqualsARecomputationFromTheRawRecords_AndListingRecordsTwiceNeverDoubleCounts()
    {
        Histories.Sample(records =>
        {
            var usage = UsageCalculator.Compute(records, TimeZoneInfo.Utc);

            // Recomputed naively: every second of every span, every record once.
            var seatSeconds = new Dictionary<DateOnly, long>();
            var peak = new Dictionary<DateOnly, long>();
            for (var t = Day0; t < Day0.AddDays(4); t = t.AddSeconds(60))
            {
                var day = DateOnly.FromDateTime(t.UtcDateTime);
                var open = records.Seats.Count(s => s.From <= t && t < s.To);
                seatSeconds[day] = seatSeconds.GetValueOrDefault(day) + (60 * open);
                peak[day] = Math.Max(peak.GetValueOrDefault(day), open);
            }

            foreach (var (day, seconds) in seatSeconds.Where(d => d.Value > 0))
            {
                Assert.Equal(seconds, usage[new UsageKey(day, UsageMeters.SeatSeconds, "all")]);
                Assert.Equal(peak[day], usage[new UsageKey(day, UsageMeters.SeatPeak, "all")]);
            }

            Assert.Equal(records.Calls.Sum(c => c.TalkMs / 1000), usage.Where(u => u.Key.Meter == UsageMeters.CallSeconds).Sum(u => u.Value));
            Assert.Equal(records.Chats.Count, usage.Where(u => u.Key.Meter == UsageMeters.ChatSessions).Sum(u => u.Value));
            Assert.Equal(records.Chats.Sum(c => c.Messages), usage.Where(u => u.Key.Meter == UsageMeters.ChatMessages).Sum(u => u.Value));
            Assert.Equal(records.Deliveries.Count, usage.Where(u => u.Key.Meter == UsageMeters.WebhookDeliveries).Sum(u => u.Value));

            // The same records read twice (a re-run, or two nodes) give the same usage.
            var twice = new UsageRecords(
                [.. records.Seats, .. records.Seats], [.. records.Calls, .. records.Calls], [.. records.Chats, .. records.Chats], [.. records.Deliveries, .. records.Deliveries]);
            Assert.Equal(usage.OrderBy(u => u.Key.ToString()), UsageCalculator.Compute(twice, TimeZoneInfo.Utc).OrderBy(u => u.Key.ToString()));
        }, iter: 200);
    }

    /// <summary>Random histories over four days, on whole minutes so the naive per-minute recount is exact.</summary>
    private static readonly Gen<UsageRecords> Histories =
        from seats in Gen.Select(Gen.Guid, Gen.Int[0, 4 * 24 * 60], Gen.Int[1, 30 * 60]).Select((id, start, minutes) =>
            new SeatSpan(id, id, Day0.AddMinutes(start), Day0.AddMinutes(Math.Min(start + minutes, (4 * 24 * 60) - 1)))).Array[0, 8]
        from calls in Gen.Select(Gen.Guid, Gen.Bool, Gen.Int[0, 4 * 24 * 60], Gen.Long[0, 3_600_000], Gen.Long[0, 600_000]).Select((id, inbound, at, talk, ivr) =>
            new CallUsage(id, inbound, TrunkA, inbound ? "+4420123" : "+4930555", Day0.AddMinutes(at), talk, ivr)).Array[0, 12]
        from chats in Gen.Select(Gen.Guid, Gen.Int[0, 4 * 24 * 60], Gen.Int[0, 50]).Select((id, at, messages) => new ChatUsage(id, Day0.AddMinutes(at), messages)).Array[0, 8]
        from deliveries in Gen.Select(Gen.Guid, Gen.Int[0, 4 * 24 * 60]).Select((id, at) => new DeliveryUsage(id, Day0.AddMinutes(at))).Array[0, 8]
        select new UsageRecords(seats.Where(s => s.To > s.From).ToArray(), calls, chats, deliveries);
}
