using Parley.Routing.Queues;
using Parley.Routing.Tests.Support;

namespace Parley.Routing.Tests.Strategies;

public sealed class BestSkillMatchTests
{
    [Fact]
    public void Arrival_GoesToTheMostProficientAgent_EvenIfAnotherIdledLonger()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("support", "support", "french") with { Selection = AgentSelection.BestSkillMatch });
        center.Agent("novice", ["support:2", "french:2"]);
        center.Agent("expert", ["support:5", "french:4"]);
        center.Agent("middle", ["support:4", "french:3"]);

        center.Arrive("c1", "support");
        center.Arrive("c2", "support");

        Assert.Equal("expert", center.AgentOf("c1"));
        Assert.Equal("middle", center.AgentOf("c2"));
    }

    [Fact]
    public void SeveralRequiredSkills_AreScoredByTheirSum()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("support", "support", "french") with { Selection = AgentSelection.BestSkillMatch });
        center.Agent("specialist", ["support:5", "french:1"]);
        center.Agent("allrounder", ["support:4", "french:4"]);

        center.Arrive("c1", "support");

        Assert.Equal("allrounder", center.AgentOf("c1"));
    }

    [Fact]
    public void EqualProficiency_FallsBackToLongestIdle()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("support", "support") with { Selection = AgentSelection.BestSkillMatch });
        center.Agent("first", ["support:4"]);
        center.Agent("second", ["support:4"]);

        center.Arrive("c1", "support");

        Assert.Equal("first", center.AgentOf("c1"));
    }
}
