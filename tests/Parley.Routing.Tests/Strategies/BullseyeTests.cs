using Parley.Routing.Queues;
using Parley.Routing.Tests.Support;

namespace Parley.Routing.Tests.Strategies;

public sealed class BullseyeTests
{
    private static TestCenter Center()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("tech", "network:5") with
        {
            Bullseye =
            [
                new BullseyeStep(TimeSpan.FromSeconds(30), [TestCenter.Requirement("network:3")]),
                new BullseyeStep(TimeSpan.FromSeconds(60), [TestCenter.Requirement("network:1")]),
            ],
        });
        return center;
    }

    [Fact]
    public void LessSkilledAgent_IsNotOfferedBeforeTheRingWidens()
    {
        var center = Center();
        center.Agent("junior", ["network:3"]);

        center.Arrive("c1", "tech");
        center.Advance(TimeSpan.FromSeconds(29));

        Assert.Null(center.AgentOf("c1"));
    }

    [Fact]
    public void RingWidens_AfterItsWaitingTime()
    {
        var center = Center();
        center.Agent("junior", ["network:3"]);
        center.Agent("novice", ["network:1"]);

        center.Arrive("c1", "tech");
        center.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal("junior", center.AgentOf("c1"));
    }

    [Fact]
    public void OuterRingAgent_FreeingUp_TakesOnlyWideEnoughInteractions()
    {
        var center = Center();
        center.Agent("novice", ["network:1"], signIn: false);
        center.Arrive("old", "tech");
        center.Time.Advance(TimeSpan.FromSeconds(61));
        center.Arrive("young", "tech");

        center.Engine.SignIn(new("novice"));

        Assert.Equal("novice", center.AgentOf("old"));
        Assert.Null(center.AgentOf("young"));
    }

    [Fact]
    public void ExpertAgent_TakesInteractionsAtEveryRing()
    {
        var center = Center();
        center.Agent("expert", ["network:5"]);

        center.Arrive("c1", "tech");

        Assert.Equal("expert", center.AgentOf("c1"));
    }
}
