using Parley.Routing.Events;
using Parley.Routing.Tests.Support;

namespace Parley.Routing.Tests.Queues;

public sealed class QueueSnapshotTests
{
    [Fact]
    public void Snapshot_ReportsWaitingOldestAgentsAndSlots()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("q"));
        center.Agent("ann", []);
        center.Agent("bob", []);
        center.Agent("cy", [], signIn: false);
        center.Engine.SignIn(new("cy"), "lunch");
        center.Arrive("a", "q");
        center.Accept("a", "ann");
        center.Arrive("b", "q");
        center.Arrive("c", "q");
        center.Time.Advance(TimeSpan.FromSeconds(15));

        var snapshot = center.Engine.GetQueue(new("q"))!;

        Assert.Equal(1, snapshot.Statistics.Waiting);
        Assert.Equal(TimeSpan.FromSeconds(15), snapshot.Statistics.OldestWait);
        Assert.Equal((1, 1, 1, 0), (snapshot.Agents.Busy, snapshot.Agents.Reserved, snapshot.Agents.NotReady, snapshot.AvailableSlots));
    }

    [Fact]
    public void ServiceLevel_CountsAnsweredWithinTargetOverAnsweredAndAbandoned()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("q") with { ServiceLevelTarget = TimeSpan.FromSeconds(20) });
        center.Agent("ann", []);
        center.Arrive("fast", "q");
        center.Accept("fast", "ann");
        center.Arrive("slow", "q");
        center.Arrive("gone", "q");
        center.Time.Advance(TimeSpan.FromSeconds(30));
        center.End("fast");
        center.Accept("slow", "ann");
        center.Engine.Abandon(new("gone"));

        var snapshot = center.Engine.GetQueue(new("q"))!.Statistics;

        Assert.Equal((2, 1, 1), (snapshot.AnsweredToday, snapshot.AnsweredWithinTargetToday, snapshot.AbandonedToday));
        Assert.Equal(1.0 / 3, snapshot.ServiceLevelToday!.Value, 6);
    }

    [Fact]
    public void Tick_PublishesStatisticsOnlyForQueuesThatChanged()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("busy"));
        center.Queue(TestCenter.VoiceQueue("quiet"));
        center.Arrive("c1", "busy");

        center.Engine.Tick();
        center.Engine.Tick();

        var published = Assert.Single(center.All<QueueStatisticsChanged>());
        Assert.Equal(("busy", 1), (published.Statistics.QueueId.Value, published.Statistics.Waiting));
    }
}
