using Parley.Routing.Agents;
using Parley.Routing.Events;
using Parley.Routing.Queues;
using Parley.Routing.Tests.Support;

namespace Parley.Routing.Tests.Interactions;

public sealed class EventSequenceTests
{
    [Fact]
    public void ACallFromArrivalToWrapUp_PublishesEveryStepInOrder()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("q") with { WrapUp = WrapUpMode.Optional });
        center.Agent("ann", []);
        center.Events.Drain();

        center.Arrive("c1", "q");
        center.Accept("c1", "ann");
        center.End("c1");
        center.Engine.CompleteWrapUp(new AgentId("ann"), new("c1"));

        Assert.Equal(
            [
                "InteractionQueued", "InteractionOffered", "AgentStateChanged:Reserved", "InteractionAccepted",
                "AgentStateChanged:Busy", "InteractionEnded", "AgentStateChanged:AfterCallWork", "WrapUpCompleted",
                "AgentStateChanged:Available",
            ],
            center.Events.Drain().Select(e => e is AgentStateChanged s ? $"AgentStateChanged:{s.Current}" : e.GetType().Name));
    }

    [Fact]
    public void RefusedCommands_PublishNothing()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("q"));
        center.Events.Drain();

        Assert.Equal(RoutingResult.UnknownQueue, center.Arrive("c1", "nowhere"));
        Assert.Equal(RoutingResult.UnknownInteraction, center.End("c1"));
        Assert.Equal(RoutingResult.UnknownAgent, center.Engine.SignIn(new AgentId("ghost")));

        Assert.Equal(0, center.Events.Count);
    }
}
