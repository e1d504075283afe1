using Parley.Routing.Tests.Support;

namespace Parley.Routing.Tests.Strategies;

public sealed class PriorityAgingTests
{
    [Fact]
    public void HigherPriority_IsServedBeforeOlderLowerPriority()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("q"));
        center.Agent("ann", [], signIn: false);
        center.Arrive("low", "q", priority: 0);
        center.Time.Advance(TimeSpan.FromSeconds(30));
        center.Arrive("high", "q", priority: 5);

        center.Engine.SignIn(new("ann"));

        Assert.Equal("ann", center.AgentOf("high"));
        Assert.Null(center.AgentOf("low"));
    }

    [Fact]
    public void EqualPriority_IsFirstInFirstOut()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("q"));
        center.Agent("ann", [], signIn: false);
        center.Arrive("first", "q");
        center.Arrive("second", "q");

        center.Engine.SignIn(new("ann"));

        Assert.Equal("ann", center.AgentOf("first"));
    }

    [Fact]
    public void WaitingTime_RaisesPriorityAboveAHigherPriorityQueue()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("aging") with { AgingPerMinute = 60 });
        center.Queue(TestCenter.VoiceQueue("vip") with { Priority = 10 });
        center.Agent("ann", [], signIn: false);
        center.Arrive("old", "aging");
        center.Time.Advance(TimeSpan.FromSeconds(20));
        center.Arrive("vip-call", "vip");

        center.Engine.SignIn(new("ann"));

        Assert.Equal("ann", center.AgentOf("old"));
    }

    [Fact]
    public void WithoutEnoughAging_TheHigherPriorityQueueWins()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("aging") with { AgingPerMinute = 60 });
        center.Queue(TestCenter.VoiceQueue("vip") with { Priority = 10 });
        center.Agent("ann", [], signIn: false);
        center.Arrive("old", "aging");
        center.Time.Advance(TimeSpan.FromSeconds(5));
        center.Arrive("vip-call", "vip");

        center.Engine.SignIn(new("ann"));

        Assert.Equal("ann", center.AgentOf("vip-call"));
    }
}
