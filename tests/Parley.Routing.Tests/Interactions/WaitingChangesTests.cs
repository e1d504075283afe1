using Parley.Routing.Events;
using Parley.Routing.Queues;
using Parley.Routing.Tests.Support;

namespace Parley.Routing.Tests.Interactions;

public sealed class WaitingChangesTests
{
    [Fact]
    public void MovedInteraction_IsOfferedInItsNewQueue_KeepingItsEnqueueTime()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("sales", "sales"));
        center.Queue(TestCenter.VoiceQueue("support", "support"));
        center.Agent("ann", ["support"], signIn: false);
        center.Arrive("c1", "sales");
        center.Time.Advance(TimeSpan.FromSeconds(40));
        center.Engine.SignIn(new("ann"));

        Assert.Equal(RoutingResult.Ok, center.Engine.MoveToQueue(new("c1"), new QueueId("support")));

        Assert.Equal("ann", center.AgentOf("c1"));
        Assert.Equal(TimeSpan.FromSeconds(40), center.All<InteractionQueued>()[^1].At - center.All<InteractionQueued>()[^1].EnqueuedAt);
        Assert.Single(center.All<InteractionMoved>());
    }

    [Fact]
    public void RaisingPriority_MovesTheInteractionAhead()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("q"));
        center.Arrive("c1", "q");
        center.Arrive("c2", "q");

        Assert.Equal(RoutingResult.Ok, center.Engine.SetPriority(new("c2"), 5));

        Assert.Equal(["c2", "c1"], center.Engine.GetWaiting(new QueueId("q")).Select(w => w.Id.Value));
    }

    [Fact]
    public void OfferedInteraction_CannotBeMoved()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("a"));
        center.Queue(TestCenter.VoiceQueue("b"));
        center.Agent("ann", []);
        center.Arrive("c1", "a");

        Assert.Equal(RoutingResult.InvalidState, center.Engine.MoveToQueue(new("c1"), new QueueId("b")));
    }
}
