using Parley.Routing.Agents;
using Parley.Routing.Events;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;
using Parley.Routing.Restore;
using Parley.Routing.Tests.Support;

namespace Parley.Routing.Tests.Restore;

public sealed class RestoreTests
{
    private static TestCenter Center()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("sales") with { AgingPerMinute = 2 });
        center.Queue(TestCenter.VoiceQueue("support"));
        center.Agent("ann", [], signIn: false);
        center.Agent("bob", [], signIn: false);
        return center;
    }

    [Fact]
    public void RestoredEngine_HasTheSameQueuesInTheSameOrder()
    {
        var before = Center();
        for (var i = 0; i < 30; i++)
        {
            before.Arrive($"c{i}", i % 3 == 0 ? "support" : "sales", priority: i % 4);
            before.Time.Advance(TimeSpan.FromSeconds(i % 2));
        }

        var state = before.Engine.ExportState();
        var after = Center();
        after.Time.SetUtcNow(before.Time.GetUtcNow());

        Assert.Equal(RoutingResult.Ok, after.Engine.Restore(Shuffle(state)));

        foreach (var queue in new[] { "sales", "support" })
        {
            Assert.Equal(
                before.Engine.GetWaiting(new QueueId(queue)).Select(w => w.Id),
                after.Engine.GetWaiting(new QueueId(queue)).Select(w => w.Id));
        }
    }

    [Fact]
    public void RestoredEngine_KeepsOriginalWaitingTimes()
    {
        var before = Center();
        before.Arrive("c1", "sales");
        before.Time.Advance(TimeSpan.FromMinutes(3));
        var after = Center();
        after.Time.SetUtcNow(before.Time.GetUtcNow());

        after.Engine.Restore(before.Engine.ExportState());

        Assert.Equal(TimeSpan.FromMinutes(3), after.Engine.GetPosition(new("c1"))!.WaitedSoFar);
    }

    [Fact]
    public void RestoredAvailableAgent_IsOfferedTheHeadOfTheQueue()
    {
        var center = Center();
        var state = new RoutingRestoreState(
            [new AgentRestore(new AgentId("ann"), null, TestCenter.Start)],
            [
                new WaitingInteraction(new("late"), new("sales"), Channels.Channel.Voice, 0, TestCenter.Start.AddSeconds(-10)),
                new WaitingInteraction(new("early"), new("sales"), Channels.Channel.Voice, 0, TestCenter.Start.AddSeconds(-60)),
            ],
            []);

        center.Engine.Restore(state);

        var offer = Assert.Single(center.All<InteractionOffered>());
        Assert.Equal(("early", "ann"), (offer.InteractionId.Value, offer.AgentId.Value));
    }

    [Fact]
    public void RestoredActiveInteraction_KeepsTheAgentBusy()
    {
        var center = Center();
        var state = new RoutingRestoreState(
            [new AgentRestore(new AgentId("ann"), null, TestCenter.Start)],
            [new WaitingInteraction(new("waiting"), new("sales"), Channels.Channel.Voice, 0, TestCenter.Start)],
            [new ActiveInteractionRestore(new("call"), new("sales"), Channels.Channel.Voice, new AgentId("ann"), 0, TestCenter.Start, TestCenter.Start)]);

        center.Engine.Restore(state);

        Assert.Equal(AgentState.Busy, center.StateOf("ann"));
        Assert.Equal(InteractionStatus.Waiting, center.Engine.GetPosition(new("waiting"))!.Status);
        center.End("call");
        Assert.Equal("ann", center.AgentOf("waiting"));
    }

    [Fact]
    public void RingingOffers_AreRestoredAsWaiting()
    {
        var before = Center();
        before.Engine.SignIn(new("ann"));
        before.Arrive("c1", "sales");
        var state = before.Engine.ExportState();
        var after = Center();

        after.Engine.Restore(state with { Agents = [] });

        Assert.Equal(InteractionStatus.Waiting, after.Engine.GetPosition(new("c1"))!.Status);
    }

    [Fact]
    public void Restore_IntoAnEngineWithLiveState_IsRefused()
    {
        var center = Center();
        center.Arrive("c1", "sales");

        Assert.Equal(RoutingResult.InvalidState, center.Engine.Restore(new RoutingRestoreState([], [], [])));
        Assert.Empty(center.All<InteractionOffered>());
    }

    private static RoutingRestoreState Shuffle(RoutingRestoreState state) =>
        state with { Waiting = [.. state.Waiting.OrderBy(w => w.Id.Value.GetHashCode(StringComparison.Ordinal))] };
}
