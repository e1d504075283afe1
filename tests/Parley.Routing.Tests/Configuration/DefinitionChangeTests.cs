using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Events;
using Parley.Routing.Queues;
using Parley.Routing.Skills;
using Parley.Routing.Tests.Support;

namespace Parley.Routing.Tests.Configuration;

public sealed class DefinitionChangeTests
{
    [Fact]
    public void ReplacingAQueue_KeepsItsWaitingInteractionsInOrder()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("q"));
        center.Arrive("c1", "q");
        center.Arrive("c2", "q", priority: 3);
        center.Arrive("c3", "q");

        center.Queue(TestCenter.VoiceQueue("q") with { OfferTimeout = TimeSpan.FromSeconds(5) });

        Assert.Equal(["c2", "c1", "c3"], center.Engine.GetWaiting(new QueueId("q")).Select(w => w.Id.Value));
    }

    [Fact]
    public void DroppingMaxWait_CancelsThePendingOverflow()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("q") with { MaxWait = TimeSpan.FromSeconds(60), Overflow = OverflowTarget.Voicemail });
        center.Arrive("c1", "q");

        center.Queue(TestCenter.VoiceQueue("q"));
        center.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(center.All<InteractionOverflowed>());
    }

    [Fact]
    public void LooseningAQueuesSkills_RoutesWaitingInteractionsToNewlyEligibleAgents()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("q", "sales:5"));
        center.Agent("ann", ["sales:3"]);
        center.Arrive("c1", "q");

        center.Queue(TestCenter.VoiceQueue("q", "sales:3"));

        Assert.Equal("ann", center.AgentOf("c1"));
    }

    [Fact]
    public void QueueWithoutRequirements_AddedLater_ReachesAgentsAlreadySignedIn()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("sales", "sales"));
        center.Agent("ann", ["sales"]);

        center.Queue(TestCenter.VoiceQueue("general"));
        center.Arrive("c1", "general");

        Assert.Equal("ann", center.AgentOf("c1"));
    }

    [Fact]
    public void RemovingAQueue_DisconnectsItsWaitingInteractions()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("q"));
        center.Arrive("c1", "q");

        Assert.Equal(RoutingResult.Ok, center.Engine.RemoveQueue(new QueueId("q")));

        var overflow = Assert.Single(center.All<InteractionOverflowed>());
        Assert.Equal((OverflowTargetKind.Disconnect, OverflowReason.QueueRemoved), (overflow.Target.Kind, overflow.Reason));
        Assert.Equal(0, center.Engine.InteractionCount);
    }

    [Fact]
    public void GivingASignedInAgentASkill_MakesThemTakeWaitingWork()
    {
        var center = new TestCenter();
        center.Queue(TestCenter.VoiceQueue("q", "french"));
        center.Agent("ann", []);
        center.Arrive("c1", "q");

        center.Engine.UpsertAgent(new AgentDefinition(
            new AgentId("ann"), [new AgentSkill(new SkillId("french"), 4)], new Dictionary<Channel, int> { [Channel.Voice] = 1 }));

        Assert.Equal("ann", center.AgentOf("c1"));
    }

    [Fact]
    public void ANewAgentWhoNeverSignedIn_HasBeenLoggedOutSinceTheyWereDefined_NotSinceYearOne()
    {
        var center = new TestCenter();
        center.Agent("ann", [], signIn: false);

        Assert.Equal(TimeSpan.Zero, center.Engine.GetAgent(new AgentId("ann"))!.TimeInState);
    }

    [Fact]
    public void BullseyeRingsThatNarrow_AreRejected()
    {
        var center = new TestCenter();

        var result = center.Engine.UpsertQueue(TestCenter.VoiceQueue("q", "sales:2") with
        {
            Bullseye = [new BullseyeStep(TimeSpan.FromSeconds(30), [TestCenter.Requirement("sales:4")])],
        });

        Assert.Equal(RoutingResult.InvalidDefinition, result);
    }

    [Fact]
    public void SignedInAgent_CannotBeRemoved()
    {
        var center = new TestCenter();
        center.Agent("ann", []);

        Assert.Equal(RoutingResult.AgentHasWork, center.Engine.RemoveAgent(new AgentId("ann")));
        center.Engine.SignOut(new AgentId("ann"));
        Assert.Equal(RoutingResult.Ok, center.Engine.RemoveAgent(new AgentId("ann")));
    }
}
