using Parley.Routing.Queues;
using Parley.Routing.Tests.Support;

namespace Parley.Routing.Tests.Strategies;

public sealed class RoundRobinTests
{
    [Fact]
    public void Offers_FollowAFixedCircle_RegardlessOfIdleTime()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("rr") with { Selection = AgentSelection.RoundRobin });
        center.Agent("a", [], signIn: false);
        center.Agent("b", [], signIn: false);
        center.Agent("c", [], signIn: false);
        center.Engine.SignIn(new("c"));
        center.Engine.SignIn(new("b"));
        center.Engine.SignIn(new("a"));

        var order = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            center.Arrive($"x{i}", "rr");
            order.Add(center.AgentOf($"x{i}")!);
            center.Accept($"x{i}", order[^1]);
            center.End($"x{i}");
        }

        Assert.Equal(["a", "b", "c", "a"], order);
    }

    [Fact]
    public void BusyAgents_AreSkippedInTheCircle()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("rr") with { Selection = AgentSelection.RoundRobin });
        center.Agent("a", []);
        center.Agent("b", []);
        center.Agent("c", []);
        center.Arrive("x0", "rr");
        center.Accept("x0", "a");

        center.Arrive("x1", "rr");
        center.Arrive("x2", "rr");

        Assert.Equal("b", center.AgentOf("x1"));
        Assert.Equal("c", center.AgentOf("x2"));
    }
}
