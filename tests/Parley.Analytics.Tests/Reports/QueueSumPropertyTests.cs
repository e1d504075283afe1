using CsCheck;
using Parley.Analytics.Intervals;
using Parley.Analytics.Records;
using Parley.Analytics.Reports;

namespace Parley.Analytics.Tests.Reports;

public sealed class QueueSumPropertyTests
{
    // Ten days around the autumn change in Berlin, so DST rows are exercised.
    private static readonly DateTimeOffset From = new(2026, 10, 20, 22, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(10);

    private static readonly Gen<ContactRecord> Contact =
        Gen.Select(Gen.Int[-3_600, 870_000], Gen.Int[0, 400], Gen.Int[0, 2], Gen.Int[0, 900], Gen.Bool, (enter, wait, kind, talk, transfer) =>
        {
            var enqueued = From.AddSeconds(enter);
            DateTimeOffset? answered = kind == 0 ? null : enqueued.AddSeconds(wait);
            var ended = (answered ?? enqueued.AddSeconds(wait)).AddSeconds(kind == 0 ? 0 : talk);
            return new ContactRecord("c", kind == 2 ? ContactChannel.Chat : ContactChannel.Voice, kind == 1 ? "q1" : "q2", "a",
                enqueued, answered, ended, TimeSpan.FromSeconds(talk / 4), TimeSpan.FromSeconds(wait % 60), transfer, null);
        });

    [Fact]
    public void SumsOverIntervals_EqualTheTotal_ForEveryIntervalKind() =>
        Gen.Select(Contact.Array[0, 200], Gen.Enum<ReportInterval>()).Sample((contacts, interval) =>
        {
            var calendar = IntervalCalendar.Create(From, To, interval, Fixtures.Berlin);
            var result = QueuePerformanceReport.Calculate(contacts, calendar, q => q == "q1" ? TimeSpan.FromSeconds(30) : null);
            var rows = result.Rows;

            Assert.Equal(result.Total.Offered, rows.Sum(r => r.Offered));
            Assert.Equal(result.Total.Answered, rows.Sum(r => r.Answered));
            Assert.Equal(result.Total.Abandoned, rows.Sum(r => r.Abandoned));
            Assert.Equal(result.Total.AnsweredInThreshold, rows.Sum(r => r.AnsweredInThreshold));
            Assert.Equal(result.Total.Transfers, rows.Sum(r => r.Transfers));
            Assert.Equal(result.Total.TotalWait, rows.Aggregate(TimeSpan.Zero, (s, r) => s + r.TotalWait));
            Assert.Equal(result.Total.TotalHandle, rows.Aggregate(TimeSpan.Zero, (s, r) => s + r.TotalHandle));
            Assert.Equal(result.Total.MaxWait, rows.Max(r => r.MaxWait));
            Assert.Equal(contacts.Count(c => c.EnqueuedAt >= From && c.EnqueuedAt < To), result.Total.Offered);
            Assert.Equal(To - From, calendar.Slots.Aggregate(TimeSpan.Zero, (s, r) => s + r.Length));
        }, iter: 200, threads: 1);
}
