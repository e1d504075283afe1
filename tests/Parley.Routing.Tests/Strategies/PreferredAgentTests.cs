using Parley.Routing.Interactions;
using Parley.Routing.Tests.Support;

namespace Parley.Routing.Tests.Strategies;

public sealed class PreferredAgentTests
{
    private static TestCenter Center()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("q") with { PreferredAgentTimeout = TimeSpan.FromSeconds(30) });
        center.Agent("other", []);
        center.Agent("last", []);
        return center;
    }

    [Fact]
    public void AvailablePreferredAgent_GetsTheInteraction_OverALongerIdleAgent()
    {
        var center = Center();

        center.Arrive("c1", "q", preferred: "last");

        Assert.Equal("last", center.AgentOf("c1"));
    }

    [Fact]
    public void BusyPreferredAgent_GetsTheInteractionWhenFreeWithinTheTimeout()
    {
        var center = Center();
        center.Arrive("busy", "q", preferred: "last");
        center.Accept("busy", "last");

        center.Arrive("c1", "q", preferred: "last");
        Assert.Equal(InteractionStatus.WaitingForPreferredAgent, center.Engine.GetPosition(new("c1"))!.Status);
        center.Advance(TimeSpan.FromSeconds(10));
        center.End("busy");

        Assert.Equal("last", center.AgentOf("c1"));
    }

    [Fact]
    public void PreferredAgentTimeout_FallsBackToAnyAgent()
    {
        var center = Center();
        center.Arrive("busy", "q", preferred: "last");
        center.Accept("busy", "last");
        center.Arrive("c1", "q", preferred: "last");

        center.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal("other", center.AgentOf("c1"));
    }

    [Fact]
    public void SignedOutPreferredAgent_IsIgnored()
    {
        var center = Center();
        center.Engine.SignOut(new("last"));

        center.Arrive("c1", "q", preferred: "last");

        Assert.Equal("other", center.AgentOf("c1"));
    }
}
