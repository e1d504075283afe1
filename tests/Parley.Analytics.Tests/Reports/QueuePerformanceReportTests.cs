using Parley.Analytics.Records;
using Parley.Analytics.Reports;
using Parley.Analytics.Tallies;

namespace Parley.Analytics.Tests.Reports;

public sealed class QueuePerformanceReportTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void FirstQuarterHour_CountsThreeOfferedTwoAnsweredOneAbandoned()
    {
        var row = QueuePerformanceReport.Calculate(Fixtures.Contacts, Fixtures.NineToTen()).Rows[0];

        Assert.Equal((3, 2, 1, 1), (row.Offered, row.Answered, row.Abandoned, row.Transfers));
        Assert.Equal(1.0 / 3, row.ServiceLevel); // only A (10 s) within 20 s
        Assert.Equal(S(25), row.AverageSpeedOfAnswer); // (10 + 40) / 2
        Assert.Equal(S(265), row.AverageHandleTime); // (300 + 30 + 180 + 20) / 2
        Assert.Equal(S(25), row.AverageWait); // (10 + 40 + 25) / 3
        Assert.Equal(S(40), row.MaxWait);
    }

    [Fact]
    public void Total_CoversTheRange_AndIgnoresContactsEnteringAfterIt()
    {
        var result = QueuePerformanceReport.Calculate(Fixtures.Contacts, Fixtures.NineToTen());

        Assert.Equal((4, 3, 1), (result.Total.Offered, result.Total.Answered, result.Total.Abandoned));
        Assert.Equal(0.5, result.Total.ServiceLevel);
        Assert.Equal(S(55) / 3, result.Total.AverageSpeedOfAnswer);
        Assert.Equal(S(1130) / 3, result.Total.AverageHandleTime);
        Assert.Equal([3, 1, 0, 0], result.Rows.Select(r => r.Offered));
        Assert.Null(result.Rows[3].ServiceLevel);
    }

    [Fact]
    public void AContactDeflectedToVoicemailOrACallback_IsOfferedButNeitherAnsweredNorAbandoned()
    {
        var deflected = new ContactRecord(
            "V", ContactChannel.Voice, "q1", null, Fixtures.At(2), null, Fixtures.At(4), TimeSpan.Zero, TimeSpan.Zero, false, null, Deflected: true);

        var row = QueuePerformanceReport.Calculate([.. Fixtures.Contacts, deflected], Fixtures.NineToTen()).Rows[0];
        var quarters = QueuePerformanceReport.Calculate(
            ContactTallies.ByQuarter(ContactTallies.Of([.. Fixtures.Contacts, deflected])), Fixtures.NineToTen()).Rows[0];
        var abandons = AbandonReport.Calculate([.. Fixtures.Contacts, deflected], Fixtures.NineToTen());

        Assert.Equal((4, 2, 1, 1), (row.Offered, row.Answered, row.Abandoned, row.Deflected));
        Assert.Equal((4, 2, 1, 1), (quarters.Offered, quarters.Answered, quarters.Abandoned, quarters.Deflected));
        Assert.Equal((5, 1), (abandons.Offered, abandons.Abandoned));
    }

    [Fact]
    public void ServiceLevel_UsesEachQueuesOwnThreshold()
    {
        var result = QueuePerformanceReport.Calculate(Fixtures.Contacts, Fixtures.NineToTen(), q => q == "q2" ? S(60) : null);

        Assert.Equal(0.75, result.Total.ServiceLevel); // B's 40 s now counts
    }
}
