using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Events;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;
using Parley.Routing.Tests.Support;

namespace Parley.Routing.Tests.Interactions;

/// <summary>An interaction the agent starts themselves (an outbound call): active at once, never offered, ends into wrap-up.</summary>
public sealed class DirectInteractionTests
{
    private static TestCenter Center()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("q") with { WrapUp = WrapUpMode.Optional });
        center.Agent("ann", []);
        return center;
    }

    private static RoutingResult Start(TestCenter center, string id, string agent = "ann") =>
        center.Engine.StartDirect(new InteractionRequest(new InteractionId(id), new QueueId("q"), Channel.Voice), new AgentId(agent));

    [Fact]
    public void StartDirect_MakesTheAgentBusy_SoAWaitingCallIsNotOfferedToThem_AndEndingItStartsWrapUp()
    {
        var center = Center();

        Assert.Equal(RoutingResult.Ok, Start(center, "out1"));
        center.Arrive("c1", "q");

        Assert.Equal(AgentState.Busy, center.StateOf("ann"));
        Assert.Null(center.AgentOf("c1"));
        Assert.Equal("ann", center.All<InteractionAccepted>()[^1].AgentId.Value);
        Assert.Empty(center.All<InteractionOffered>());

        Assert.Equal(RoutingResult.Ok, center.End("out1"));
        Assert.Equal(AgentState.AfterCallWork, center.StateOf("ann"));
        Assert.Equal(RoutingResult.Ok, center.Engine.CompleteWrapUp(new("ann"), new("out1")));
        Assert.Equal("ann", center.AgentOf("c1"));
    }

    [Fact]
    public void EndWithoutWrapUp_SendsTheAgentBackToTheirStateBefore_NotReadyOrAvailableWithAWaitingCallOffered()
    {
        var center = Center();
        center.Engine.SetNotReady(new("ann"), "break");
        Assert.Equal(RoutingResult.Ok, Start(center, "consult1"));

        Assert.Equal(RoutingResult.Ok, center.Engine.EndWithoutWrapUp(new("consult1")));
        Assert.Equal(AgentState.NotReady, center.StateOf("ann"));
        Assert.Equal(RoutingResult.InvalidState, center.Engine.CompleteWrapUp(new("ann"), new("consult1")));

        center.Engine.SetAvailable(new("ann"));
        Assert.Equal(RoutingResult.Ok, Start(center, "consult2"));
        center.Arrive("c1", "q");
        Assert.Equal(RoutingResult.Ok, center.Engine.EndWithoutWrapUp(new("consult2")));
        Assert.Equal("ann", center.AgentOf("c1"));
    }

    [Fact]
    public void StartDirect_IsRefused_WhenTheAgentIsNotSignedIn_HasACallOrAnOfferRinging_OrTheQueueIsUnknown()
    {
        var center = Center();
        center.Agent("bob", [], signIn: false);

        Assert.Equal(RoutingResult.AgentNotSignedIn, Start(center, "x1", "bob"));
        center.Arrive("c1", "q");
        Assert.Equal("ann", center.AgentOf("c1"));
        Assert.Equal(RoutingResult.AgentHasWork, Start(center, "x2"));
        Assert.Equal(RoutingResult.UnknownQueue, center.Engine.StartDirect(new InteractionRequest(new InteractionId("x3"), new QueueId("nope"), Channel.Voice), new AgentId("ann")));
        center.Accept("c1", "ann");
        Assert.Equal(RoutingResult.AgentHasWork, Start(center, "x4"));
    }

    [Fact]
    public void StartDirect_IsAllowed_WhileTheAgentIsNotReady_AndSurvivesExportAndRestore()
    {
        var center = Center();
        center.Engine.SetNotReady(new("ann"), "break");

        Assert.Equal(RoutingResult.Ok, Start(center, "out1"));
        var exported = center.Engine.ExportState();

        Assert.Equal("out1", Assert.Single(exported.Active).Id.Value);
        Assert.Equal(AgentState.Busy, center.StateOf("ann"));
    }
}
