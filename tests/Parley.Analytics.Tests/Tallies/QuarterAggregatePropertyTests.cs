using CsCheck;
using Parley.Analytics.Intervals;
using Parley.Analytics.Records;
using Parley.Analytics.Reports;
using Parley.Analytics.Tallies;

namespace Parley.Analytics.Tests.Tallies;

/// <summary>
/// The stored aggregates' promise (issue 11): every contact report computed from quarter-hour aggregates equals the same
/// report recomputed from the raw contacts, for any range on quarter hours and any interval, in a zone with a DST change.
/// </summary>
public sealed class QuarterAggregatePropertyTests
{
    private static readonly DateTimeOffset Start = new(2026, 10, 20, 22, 0, 0, TimeSpan.Zero);

    private static readonly Gen<ContactRecord> Contact =
        Gen.Select(Gen.Int[-3_600, 870_000], Gen.Int[0, 400], Gen.Int[0, 3], Gen.Int[0, 2_000], Gen.Int[0, 3], (enter, wait, kind, talk, pick) =>
        {
            var enqueued = Start.AddSeconds(enter).AddMilliseconds(pick * 137);
            DateTimeOffset? answered = kind == 0 ? null : enqueued.AddSeconds(wait).AddTicks(pick * 9_999);
            var ended = (answered ?? enqueued.AddSeconds(wait)).AddSeconds(kind == 0 ? 0 : talk);
            return new ContactRecord(
                "c", kind == 2 ? ContactChannel.Chat : ContactChannel.Voice, pick == 1 ? "q1" : "q2", pick == 0 ? null : $"a{pick}",
                enqueued, answered, ended, TimeSpan.FromSeconds(talk / 4), TimeSpan.FromSeconds(wait % 60), pick == 2,
                pick == 3 ? null : $"code{kind}");
        });

    private static readonly Gen<(DateTimeOffset From, DateTimeOffset To)> Range =
        Gen.Select(Gen.Int[0, 400], Gen.Int[1, 1_000], (first, quarters) =>
            (Start.AddMinutes(15 * first), Start.AddMinutes(15 * (first + quarters))));

    [Fact]
    public void EveryContactReport_FromQuarterAggregates_EqualsTheRecomputationFromRawContacts() =>
        Gen.Select(Contact.Array[0, 300], Range, Gen.Enum<ReportInterval>()).Sample((contacts, range, interval) =>
        {
            var calendar = IntervalCalendar.Create(range.From, range.To, interval, Fixtures.Berlin);
            var total = IntervalCalendar.Create(range.From, range.To, ReportInterval.Total, Fixtures.Berlin);
            TimeSpan? ThresholdOf(string queue) => queue == "q1" ? TimeSpan.FromSeconds(30) : null;
            var raw = ContactTallies.Of(contacts, ThresholdOf).ToList();
            var stored = ContactTallies.ByQuarter(raw);

            Assert.Equal(QueuePerformanceReport.Calculate(contacts, calendar, ThresholdOf).Rows, QueuePerformanceReport.Calculate(stored, calendar).Rows);
            Assert.Equal(QueuePerformanceReport.Calculate(raw, total).Total, QueuePerformanceReport.Calculate(stored, total).Total);
            var (rawAbandon, storedAbandon) = (AbandonReport.Calculate(contacts, total), AbandonReport.Calculate(stored, total));
            Assert.Equal(rawAbandon with { Bands = [] }, storedAbandon with { Bands = [] });
            Assert.Equal(rawAbandon.Bands, storedAbandon.Bands);
            Assert.Equal(ChannelMixReport.Calculate(contacts, total), ChannelMixReport.Calculate(stored, total));
            Assert.Equal(DispositionReport.Calculate(contacts, total), DispositionReport.Calculate(stored, total));
            var (rawAgents, storedAgents) = (AgentPerformanceReport.Calculate(contacts, [], total), AgentPerformanceReport.Calculate(stored, [], total));
            Assert.Equal(
                rawAgents.Select(a => (a.AgentId, a.Handled, a.TransfersOut, a.Talk, a.Hold, a.WrapUp)),
                storedAgents.Select(a => (a.AgentId, a.Handled, a.TransfersOut, a.Talk, a.Hold, a.WrapUp)));
            Assert.True(stored.Count <= raw.Count);
        }, iter: 300, threads: 1);

    [Fact]
    public void ContactsOfOneQuarter_WithTheSameKey_BecomeOneTally_WithSumsAndTheLongestWait()
    {
        var contacts = Fixtures.Contacts.Take(1).Concat([Fixtures.Contacts[0] with { Id = "A2", EnqueuedAt = Fixtures.At(1), AnsweredAt = Fixtures.At(2) }]);

        var stored = ContactTallies.ByQuarter(ContactTallies.Of(contacts));

        var tally = Assert.Single(stored); // A waited 10 s (within the default 20 s), A2 60 s
        Assert.Equal((Fixtures.Nine, (DateTimeOffset?)Fixtures.Nine, 2, 1), (tally.EnqueuedAt, tally.AnsweredAt, tally.Count, tally.InThreshold));
        Assert.Equal(TimeSpan.FromSeconds(10 + 60), tally.TotalWait);
        Assert.Equal(TimeSpan.FromSeconds(60), tally.MaxWait);
    }
}
