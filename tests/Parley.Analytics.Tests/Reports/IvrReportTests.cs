using Parley.Analytics.Records;
using Parley.Analytics.Reports;

namespace Parley.Analytics.Tests.Reports;

public sealed class IvrReportTests
{
    [Fact]
    public void Containment_CountsCallsThatNeverReachedAQueue_PerFlow()
    {
        IvrVisit[] visits =
        [
            new("main", Fixtures.At(1), IvrOutcome.Queued, ["start", "menu", "sales"]),
            new("main", Fixtures.At(2), IvrOutcome.Queued, ["start", "menu", "sales"]),
            new("main", Fixtures.At(3), IvrOutcome.EndedByFlow, ["start", "menu", "hours", "bye"]),
            new("main", Fixtures.At(4), IvrOutcome.Abandoned, ["start", "menu"]),
            new("after", Fixtures.At(5), IvrOutcome.Other, ["start", "transfer"]),
            new("main", Fixtures.At(70), IvrOutcome.Queued, ["start"]),
        ];

        var rows = IvrReport.Calculate(visits, Fixtures.NineToTen());

        Assert.Equal(["after", "main"], rows.Select(r => r.FlowId));
        var main = rows[1];
        Assert.Equal((4, 2, 1, 1, 0), (main.Entered, main.Queued, main.EndedByFlow, main.Abandoned, main.Other));
        Assert.Equal(0.5, main.Containment);
        Assert.Equal(0.25, main.SelfService);
        Assert.Equal(new ShareRow("start > menu > sales", 2, 0.5), main.TopPaths[0]);
        Assert.Equal(3, main.TopPaths.Count);
        Assert.Equal(1.0, rows[0].Containment);
    }

    [Fact]
    public void Paths_AreCappedAtTheTenMostTaken()
    {
        var visits = Enumerable.Range(0, 30).Select(i => new IvrVisit("f", Fixtures.At(i), IvrOutcome.Queued, ["start", $"b{i % 12}"]));

        var row = Assert.Single(IvrReport.Calculate(visits, Fixtures.NineToTen()));

        Assert.Equal(IvrReport.MaxPaths, row.TopPaths.Count);
        Assert.Equal(30, row.Entered);
        Assert.True(row.TopPaths[0].Count >= row.TopPaths[^1].Count);
    }
}
