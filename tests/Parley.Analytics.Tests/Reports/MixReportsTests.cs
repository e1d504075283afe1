using Parley.Analytics.Records;
using Parley.Analytics.Reports;

namespace Parley.Analytics.Tests.Reports;

public sealed class MixReportsTests
{
    [Fact]
    public void Dispositions_CountAnsweredContactsPerWrapUpCode()
    {
        var rows = DispositionReport.Calculate(Fixtures.Contacts, Fixtures.NineToTen());

        Assert.Equal([new ShareRow("sale", 2, 2.0 / 3), new ShareRow("support", 1, 1.0 / 3)], rows);
    }

    [Fact]
    public void ChannelMix_SharesOfferedContactsByChannel()
    {
        var rows = ChannelMixReport.Calculate(Fixtures.Contacts, Fixtures.NineToTen());

        Assert.Equal([new ShareRow("voice", 3, 0.75), new ShareRow("chat", 1, 0.25)], rows);
    }

    [Fact]
    public void AbandonAnalysis_PutsEachWaitInItsBand()
    {
        var late = new ContactRecord("F", ContactChannel.Voice, "q1", null, Fixtures.At(30), null, Fixtures.At(32, 10), TimeSpan.Zero, TimeSpan.Zero, false, null);

        var summary = AbandonReport.Calculate([.. Fixtures.Contacts, late], Fixtures.NineToTen());

        Assert.Equal((5, 2), (summary.Offered, summary.Abandoned));
        Assert.Equal([0, 1, 0, 0, 1], summary.Bands.Select(b => b.Count));
        Assert.Equal(TimeSpan.FromSeconds(77.5), summary.AverageTimeToAbandon);
        Assert.Equal(TimeSpan.FromSeconds(130), summary.LongestTimeToAbandon);
        Assert.Equal(0.4, summary.AbandonRate);
    }

    [Fact]
    public void Csat_IsTheShareOfFoursAndFives_IgnoringInvalidAndOutOfRangeRatings()
    {
        ChatRating R(int score, int minute) => new("c", "q2", "a2", score, Fixtures.At(minute));

        var summary = CsatReport.Calculate([R(5, 1), R(4, 2), R(3, 3), R(1, 4), R(5, 5), R(0, 6), R(5, 70)], Fixtures.NineToTen());

        Assert.Equal(5, summary.Ratings);
        Assert.Equal(3.6, summary.AverageScore!.Value, 10);
        Assert.Equal(0.6, summary.Csat);
        Assert.Equal([1, 0, 1, 1, 2], summary.CountByScore);
    }
}
