using Parley.Routing.Agents;
using Parley.Routing.Events;
using Parley.Routing.Interactions;
using Parley.Routing.Tests.Support;

namespace Parley.Routing.Tests.Offers;

public sealed class OfferLifecycleTests
{
    private static TestCenter Center(RoutingOptions? options = null)
    {
        var center = new TestCenter(options);
        center.Queue(TestCenter.VoiceQueue("q") with { OfferTimeout = TimeSpan.FromSeconds(20) });
        return center;
    }

    [Fact]
    public void Offer_ReservesTheAgent_AndAcceptMakesThemBusy()
    {
        var center = Center();
        center.Agent("ann", []);

        center.Arrive("c1", "q");
        Assert.Equal(AgentState.Reserved, center.StateOf("ann"));
        Assert.Equal(RoutingResult.Ok, center.Accept("c1", "ann"));

        Assert.Equal(AgentState.Busy, center.StateOf("ann"));
        Assert.Equal(InteractionStatus.Active, center.Engine.GetPosition(new("c1"))!.Status);
    }

    [Fact]
    public void RejectedInteraction_GoesBackToTheHead_KeepingItsEnqueueTime()
    {
        var center = Center();
        center.Agent("ann", []);
        center.Arrive("c1", "q");
        center.Time.Advance(TimeSpan.FromSeconds(5));
        center.Arrive("c2", "q");

        Assert.Equal(RoutingResult.Ok, center.Engine.Reject(new("c1"), new("ann")));

        Assert.Single(center.All<InteractionRejected>());
        Assert.Equal("ann", center.AgentOf("c1"));
        Assert.Equal(TestCenter.Start, center.Engine.ExportState().Waiting.Single(w => w.Id.Value == "c1").EnqueuedAt);
    }

    [Fact]
    public void RejectedInteraction_IsOfferedToAnotherAvailableAgentFirst()
    {
        var center = Center();
        center.Agent("ann", []);
        center.Agent("bob", []);
        center.Arrive("c1", "q");

        center.Engine.Reject(new("c1"), new("ann"));

        Assert.Equal("bob", center.AgentOf("c1"));
    }

    [Fact]
    public void UnansweredOffer_TimesOut_AndReturnsToTheQueue()
    {
        var center = Center();
        center.Agent("ann", []);
        center.Agent("bob", [], signIn: false);
        center.Arrive("c1", "q");

        center.Advance(TimeSpan.FromSeconds(20));

        var timedOut = Assert.Single(center.All<InteractionOfferTimedOut>());
        Assert.Equal("ann", timedOut.AgentId.Value);
        Assert.Equal(1, center.Engine.GetAgent(new("ann"))!.MissedOffersInRow);
        Assert.Equal("ann", center.AgentOf("c1"));
    }

    [Fact]
    public void AcceptAfterTheTimeout_IsRefused()
    {
        var center = Center(new RoutingOptions { AutoNotReadyAfterMissedOffers = 1 });
        center.Agent("ann", []);
        center.Arrive("c1", "q");
        center.Time.Advance(TimeSpan.FromSeconds(21));

        Assert.Equal(RoutingResult.InvalidState, center.Accept("c1", "ann"));
        Assert.Single(center.All<InteractionOfferTimedOut>());
    }

    [Fact]
    public void AcceptByAnotherAgent_IsRefused()
    {
        var center = Center();
        center.Agent("ann", []);
        center.Agent("bob", [], signIn: false);
        center.Arrive("c1", "q");

        Assert.Equal(RoutingResult.WrongAgent, center.Accept("c1", "bob"));
    }

    [Fact]
    public void MissedOffersInARow_SetTheAgentNotReady()
    {
        var center = Center(new RoutingOptions { AutoNotReadyAfterMissedOffers = 2 });
        center.Agent("ann", []);
        center.Arrive("c1", "q");

        center.Advance(TimeSpan.FromSeconds(20));
        center.Advance(TimeSpan.FromSeconds(20));

        var agent = center.Engine.GetAgent(new("ann"))!;
        Assert.Equal((AgentState.NotReady, "missed-offers"), (agent.State, agent.ReasonCode));
        Assert.True(center.All<AgentStateChanged>()[^1].Forced);
        Assert.Equal(InteractionStatus.Waiting, center.Engine.GetPosition(new("c1"))!.Status);
    }

    [Fact]
    public void AcceptedOffer_ResetsTheMissedCount()
    {
        var center = Center(new RoutingOptions { AutoNotReadyAfterMissedOffers = 2 });
        center.Agent("ann", []);
        center.Arrive("c1", "q");
        center.Advance(TimeSpan.FromSeconds(20));

        center.Accept("c1", "ann");

        Assert.Equal(0, center.Engine.GetAgent(new("ann"))!.MissedOffersInRow);
    }

    [Fact]
    public void AbandonWhileRinging_FreesTheAgent()
    {
        var center = Center();
        center.Agent("ann", []);
        center.Arrive("c1", "q");

        Assert.Equal(RoutingResult.Ok, center.Engine.Abandon(new("c1")));

        Assert.Equal(AgentState.Available, center.StateOf("ann"));
        Assert.Single(center.All<InteractionAbandoned>());
    }

    [Fact]
    public void EndedInteraction_FreesCapacityForTheNextInQueue()
    {
        var center = Center();
        center.Agent("ann", []);
        center.Arrive("c1", "q");
        center.Arrive("c2", "q");
        center.Accept("c1", "ann");

        center.End("c1");

        Assert.Equal("ann", center.AgentOf("c2"));
        Assert.Single(center.All<InteractionEnded>());
    }
}
