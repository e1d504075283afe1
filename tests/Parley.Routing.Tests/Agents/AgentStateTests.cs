using Parley.Routing.Agents;
using Parley.Routing.Events;
using Parley.Routing.Interactions;
using Parley.Routing.Tests.Support;

namespace Parley.Routing.Tests.Agents;

public sealed class AgentStateTests
{
    private static TestCenter Center()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("q"));
        return center;
    }

    [Fact]
    public void SignIn_NotReady_ReceivesNoOffers()
    {
        var center = Center();
        center.Agent("ann", [], signIn: false);

        center.Engine.SignIn(new("ann"), "training");
        center.Arrive("c1", "q");

        Assert.Equal(AgentState.NotReady, center.StateOf("ann"));
        Assert.Null(center.AgentOf("c1"));
    }

    [Fact]
    public void SettingAvailable_DeliversTheWaitingInteraction()
    {
        var center = Center();
        center.Agent("ann", [], signIn: false);
        center.Engine.SignIn(new("ann"), "training");
        center.Arrive("c1", "q");

        center.Engine.SetAvailable(new("ann"));

        Assert.Equal("ann", center.AgentOf("c1"));
    }

    [Fact]
    public void StateChanges_ArePublished_WithReasonAndForcedFlag()
    {
        var center = Center();
        center.Agent("ann", []);

        center.Engine.SetNotReady(new("ann"), "meeting", forced: true);

        var change = center.All<AgentStateChanged>()[^1];
        Assert.Equal((AgentState.Available, AgentState.NotReady, "meeting", true), (change.Previous, change.Current, change.ReasonCode, change.Forced));
    }

    [Fact]
    public void TimeInState_GrowsWithTheClock()
    {
        var center = Center();
        center.Agent("ann", []);

        center.Time.Advance(TimeSpan.FromSeconds(42));

        Assert.Equal(TimeSpan.FromSeconds(42), center.Engine.GetAgent(new("ann"))!.TimeInState);
    }

    [Fact]
    public void SignOut_WhileRinging_ReturnsTheOfferToTheQueue()
    {
        var center = Center();
        center.Agent("ann", []);
        center.Arrive("c1", "q");

        center.Engine.SignOut(new("ann"));

        Assert.Single(center.All<InteractionOfferRevoked>());
        Assert.Equal(InteractionStatus.Waiting, center.Engine.GetPosition(new("c1"))!.Status);
        Assert.Equal(AgentState.LoggedOut, center.StateOf("ann"));
    }

    [Fact]
    public void SignOut_DuringACall_CompletesWhenTheCallEnds()
    {
        var center = Center();
        center.Agent("ann", []);
        center.Arrive("c1", "q");
        center.Accept("c1", "ann");

        center.Engine.SignOut(new("ann"));
        Assert.Equal(AgentState.Busy, center.StateOf("ann"));
        center.Arrive("c2", "q");
        center.End("c1");

        Assert.Equal(AgentState.LoggedOut, center.StateOf("ann"));
        Assert.Null(center.AgentOf("c2"));
    }

    [Fact]
    public void NotReadySelectedDuringACall_AppliesAfterTheCall()
    {
        var center = Center();
        center.Agent("ann", []);
        center.Arrive("c1", "q");
        center.Accept("c1", "ann");

        center.Engine.SetNotReady(new("ann"), "meeting");
        Assert.Equal(AgentState.Busy, center.StateOf("ann"));
        center.End("c1");

        var agent = center.Engine.GetAgent(new("ann"))!;
        Assert.Equal((AgentState.NotReady, "meeting"), (agent.State, agent.ReasonCode));
    }
}
