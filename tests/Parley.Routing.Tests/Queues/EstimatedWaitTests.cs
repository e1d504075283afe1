using Parley.Routing.Events;
using Parley.Routing.Interactions;
using Parley.Routing.Tests.Support;

namespace Parley.Routing.Tests.Queues;

public sealed class EstimatedWaitTests
{
    private static TestCenter BusyCenter()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("q") with { DefaultHandleTime = TimeSpan.FromSeconds(180) });
        center.Agent("ann", []);
        center.Agent("bob", []);
        center.Arrive("a", "q");
        center.Arrive("b", "q");
        center.Accept("a", "ann");
        center.Accept("b", "bob");
        return center;
    }

    [Fact]
    public void Position_CountsInteractionsAhead()
    {
        var center = BusyCenter();
        center.Arrive("c1", "q");
        center.Arrive("c2", "q");
        center.Arrive("c3", "q");

        Assert.Equal([1, 2, 3], new[] { "c1", "c2", "c3" }.Select(id => center.Engine.GetPosition(new(id))!.Position));
    }

    [Fact]
    public void EstimatedWait_IsPositionTimesHandleTimeOverStaffedAgents()
    {
        var center = BusyCenter();
        center.Arrive("c1", "q");
        center.Arrive("c2", "q");
        center.Arrive("c3", "q");

        Assert.Equal(TimeSpan.FromSeconds(270), center.Engine.GetPosition(new("c3"))!.EstimatedWait);
        Assert.Equal(TimeSpan.FromSeconds(270), center.All<InteractionQueued>()[^1].EstimatedWait);
    }

    [Fact]
    public void EstimatedWait_LearnsFromRecentHandleTimes()
    {
        var center = BusyCenter();
        center.Arrive("c1", "q");
        center.Time.Advance(TimeSpan.FromSeconds(60));
        center.End("a");

        Assert.Equal(InteractionStatus.Offered, center.Engine.GetPosition(new("c1"))!.Status);
        center.Arrive("c2", "q");
        Assert.Equal(TimeSpan.FromSeconds(30), center.Engine.GetPosition(new("c2"))!.EstimatedWait);
    }

    [Fact]
    public void NobodyStaffed_GivesNoEstimate()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("q"));

        center.Arrive("c1", "q");

        Assert.Null(center.Engine.GetPosition(new("c1"))!.EstimatedWait);
    }
}
