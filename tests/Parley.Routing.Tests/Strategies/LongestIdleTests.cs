using Parley.Routing.Tests.Support;

namespace Parley.Routing.Tests.Strategies;

public sealed class LongestIdleTests
{
    [Fact]
    public void Arrival_GoesToTheAgentAvailableLongest()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("sales", "sales"));
        center.Agent("ann", ["sales:3"]);
        center.Time.Advance(TimeSpan.FromSeconds(5));
        center.Agent("bob", ["sales:3"]);

        center.Arrive("c1", "sales");

        Assert.Equal("ann", center.AgentOf("c1"));
    }

    [Fact]
    public void AgentWhoJustFinished_GoesBehindAgentsAlreadyIdle()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("sales", "sales"));
        center.Agent("ann", ["sales"]);
        center.Agent("bob", ["sales"]);
        center.Arrive("c1", "sales");
        center.Accept("c1", "ann");
        center.End("c1");

        center.Arrive("c2", "sales");

        Assert.Equal("bob", center.AgentOf("c2"));
    }

    [Fact]
    public void AgentWithoutRequiredSkill_IsNeverOffered()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("sales", "sales:3"));
        center.Agent("ann", ["sales:2"]);

        center.Arrive("c1", "sales");

        Assert.Null(center.AgentOf("c1"));
        Assert.Equal(Parley.Routing.Interactions.InteractionStatus.Waiting, center.Engine.GetPosition(new("c1"))!.Status);
    }
}
