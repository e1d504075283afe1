using Parley.Analytics.Records;
using Parley.Analytics.Reports;

namespace Parley.Analytics.Tests.Reports;

public sealed class AgentPerformanceReportTests
{
    private static readonly AgentStateSpan[] States =
    [
        new("a1", AgentState.Available, null, Fixtures.At(-60), Fixtures.At(0)),
        new("a1", AgentState.Available, null, Fixtures.At(0), Fixtures.At(10)),
        new("a1", AgentState.Busy, null, Fixtures.At(10), Fixtures.At(40)),
        new("a1", AgentState.WrapUp, null, Fixtures.At(40), Fixtures.At(45)),
        new("a1", AgentState.NotReady, "lunch", Fixtures.At(45), Fixtures.At(90)),
    ];

    [Fact]
    public void AgentTimes_AreClippedToTheRange_AndOccupancyIsWorkOverStaffed_AndUtilisationWorkOverSignedIn()
    {
        var a1 = AgentPerformanceReport.Calculate(Fixtures.Contacts, States, Fixtures.NineToTen()).Single(a => a.AgentId == "a1");

        Assert.Equal(TimeSpan.FromMinutes(10), a1.State(AgentState.Available));
        Assert.Equal(TimeSpan.FromMinutes(15), a1.NotReadyByReason["lunch"]);
        Assert.Equal(35.0 / 45, a1.Occupancy);
        Assert.Equal(35.0 / 60, a1.Utilisation); // not-ready time counts as signed in, not as staffed
    }

    [Fact]
    public void HandledContacts_SplitConnectedTimeIntoTalkAndHold()
    {
        var rows = AgentPerformanceReport.Calculate(Fixtures.Contacts, States, Fixtures.NineToTen());
        var a1 = rows.Single(a => a.AgentId == "a1");
        var a2 = rows.Single(a => a.AgentId == "a2");

        Assert.Equal((1, TimeSpan.FromSeconds(240), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30)), (a1.Handled, a1.Talk, a1.Hold, a1.WrapUp));
        Assert.Equal((2, 1), (a2.Handled, a2.TransfersOut));
        Assert.Null(a2.Occupancy);
    }
}
