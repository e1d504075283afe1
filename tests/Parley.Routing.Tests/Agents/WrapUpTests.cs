using Parley.Routing.Agents;
using Parley.Routing.Events;
using Parley.Routing.Queues;
using Parley.Routing.Tests.Support;

namespace Parley.Routing.Tests.Agents;

public sealed class WrapUpTests
{
    private static TestCenter Center(WrapUpMode mode, TimeSpan? limit = null)
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("q") with { WrapUp = mode, WrapUpTimeLimit = limit, WrapUpCodes = ["sale", "no-sale"] });
        center.Agent("ann", []);
        center.Arrive("c1", "q");
        center.Accept("c1", "ann");
        center.End("c1");
        return center;
    }

    [Fact]
    public void EndedInteraction_PutsTheAgentInAfterCallWork_WithoutNewOffers()
    {
        var center = Center(WrapUpMode.Optional);

        center.Arrive("c2", "q");

        Assert.Equal(AgentState.AfterCallWork, center.StateOf("ann"));
        Assert.Null(center.AgentOf("c2"));
    }

    [Fact]
    public void OptionalWrapUp_CompletesWithoutACode()
    {
        var center = Center(WrapUpMode.Optional);

        Assert.Equal(RoutingResult.Ok, center.Engine.CompleteWrapUp(new("ann"), new("c1")));

        Assert.Equal(AgentState.Available, center.StateOf("ann"));
    }

    [Fact]
    public void MandatoryWrapUp_RequiresAnAllowedCode()
    {
        var center = Center(WrapUpMode.Mandatory);

        Assert.Equal(RoutingResult.WrapUpCodeRequired, center.Engine.CompleteWrapUp(new("ann"), new("c1")));
        Assert.Equal(RoutingResult.InvalidWrapUpCode, center.Engine.CompleteWrapUp(new("ann"), new("c1"), "maybe"));
        Assert.Equal(RoutingResult.Ok, center.Engine.CompleteWrapUp(new("ann"), new("c1"), "sale"));

        Assert.Equal("sale", center.All<WrapUpCompleted>()[^1].Code);
    }

    [Fact]
    public void MandatoryWrapUp_HasNoTimeLimit()
    {
        var center = Center(WrapUpMode.Mandatory, TimeSpan.FromSeconds(30));

        center.Advance(TimeSpan.FromHours(1));

        Assert.Equal(AgentState.AfterCallWork, center.StateOf("ann"));
    }

    [Fact]
    public void TimeLimitedWrapUp_EndsOnItsOwn_AndTheNextCallIsOffered()
    {
        var center = Center(WrapUpMode.MandatoryWithTimeLimit, TimeSpan.FromSeconds(30));
        center.Arrive("c2", "q");

        center.Advance(TimeSpan.FromSeconds(30));

        Assert.True(center.All<WrapUpCompleted>()[^1].TimedOut);
        Assert.Equal("ann", center.AgentOf("c2"));
    }

    [Fact]
    public void AfterWrapUp_TheAgentReturnsToTheStateChosenBefore()
    {
        var center = Center(WrapUpMode.Optional);
        center.Engine.SetNotReady(new("ann"), "meeting");

        center.Engine.CompleteWrapUp(new("ann"), new("c1"));

        var agent = center.Engine.GetAgent(new("ann"))!;
        Assert.Equal((AgentState.NotReady, "meeting"), (agent.State, agent.ReasonCode));
    }
}
