using Parley.Routing.Channels;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;
using Parley.Routing.Tests.Support;

namespace Parley.Routing.Tests.Interactions;

public sealed class InteractionSkillsTests
{
    private static RoutingResult ArriveSpeaking(TestCenter center, string id, string language) =>
        center.Engine.Enqueue(new InteractionRequest(
            new InteractionId(id), new QueueId("q"), Channel.Voice, RequiredSkills: [TestCenter.Requirement(language)]));

    [Fact]
    public void InteractionSkills_AddToTheQueueRequirements()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("q"));
        center.Agent("bob", ["english"]);
        center.Agent("ann", ["french:3"]);

        Assert.Equal(RoutingResult.Ok, ArriveSpeaking(center, "c1", "french:2"));

        Assert.Equal("ann", center.AgentOf("c1"));
    }

    [Fact]
    public void AgentWithoutTheSkill_TakesTheNextInteractionTheyCanHandle()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("q"));
        center.Agent("bob", [], signIn: false);
        center.Agent("ann", ["french"], signIn: false);
        ArriveSpeaking(center, "c1", "french");
        center.Arrive("c2", "q");

        center.Engine.SignIn(new("bob"));
        Assert.Equal("bob", center.AgentOf("c2"));
        Assert.Null(center.AgentOf("c1"));
        center.Engine.SignIn(new("ann"));

        Assert.Equal("ann", center.AgentOf("c1"));
    }

    [Fact]
    public void InteractionSkills_SurviveARestore()
    {
        var before = new TestCenter();
        before.Queue(TestCenter.VoiceQueue("q"));
        ArriveSpeaking(before, "c1", "french");
        var after = new TestCenter();
        after.Queue(TestCenter.VoiceQueue("q"));
        after.Agent("bob", [], signIn: false);

        after.Engine.Restore(before.Engine.ExportState() with { Agents = [new Parley.Routing.Restore.AgentRestore(new("bob"), null, TestCenter.Start)] });

        Assert.Null(after.AgentOf("c1"));
    }

    [Fact]
    public void InvalidProficiency_IsRefused()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("q"));

        Assert.Equal(RoutingResult.InvalidDefinition, ArriveSpeaking(center, "c1", "french:7"));
    }
}
