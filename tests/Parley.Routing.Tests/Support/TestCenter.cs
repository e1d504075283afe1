using Microsoft.Extensions.Time.Testing;
using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Events;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;
using Parley.Routing.Skills;

namespace Parley.Routing.Tests.Support;

/// <summary>An engine on a fake clock with helpers that read like a contact-center script.</summary>
internal sealed class TestCenter
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public TestCenter(RoutingOptions? options = null)
    {
        Engine = new RoutingEngine(Time, Events, options);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public RoutingEventBuffer Events { get; } = new();

    public RoutingEngine Engine { get; }

    public static QueueDefinition VoiceQueue(string id, params string[] skills) =>
        new(new QueueId(id), [Channel.Voice]) { RequiredSkills = [.. skills.Select(Requirement)] };

    public static SkillRequirement Requirement(string spec)
    {
        var parts = spec.Split(':');
        return new SkillRequirement(new SkillId(parts[0]), parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 1);
    }

    public void Queue(QueueDefinition definition) => Assert.Equal(RoutingResult.Ok, Engine.UpsertQueue(definition));

    public AgentId Agent(string id, string[] skills, int voice = 1, int chat = 0, bool signIn = true, CrossChannelRule rule = CrossChannelRule.RealTimeBlocksOthers)
    {
        var capacities = new Dictionary<Channel, int> { [Channel.Voice] = voice, [Channel.Chat] = chat };
        var agentSkills = skills.Select(s =>
        {
            var r = Requirement(s);
            return new AgentSkill(r.Skill, r.MinProficiency);
        }).ToArray();
        Assert.Equal(RoutingResult.Ok, Engine.UpsertAgent(new AgentDefinition(new AgentId(id), agentSkills, capacities, rule)));
        if (signIn)
        {
            Assert.Equal(RoutingResult.Ok, Engine.SignIn(new AgentId(id)));
        }

        return new AgentId(id);
    }

    public RoutingResult Arrive(string id, string queue, int priority = 0, string? preferred = null, Channel channel = Channel.Voice) =>
        Engine.Enqueue(new InteractionRequest(new InteractionId(id), new QueueId(queue), channel, priority, preferred is null ? null : new AgentId(preferred)));

    public RoutingResult Accept(string interaction, string agent) => Engine.Accept(new InteractionId(interaction), new AgentId(agent));

    public RoutingResult End(string interaction) => Engine.End(new InteractionId(interaction));

    /// <summary>The agent the interaction is currently offered to or handled by, or null.</summary>
    public string? AgentOf(string interaction)
    {
        var offers = Events.Pending.OfType<InteractionOffered>().Where(o => o.InteractionId.Value == interaction).ToList();
        var position = Engine.GetPosition(new InteractionId(interaction));
        return position is null || position.Status is InteractionStatus.Waiting or InteractionStatus.WaitingForPreferredAgent || offers.Count == 0
            ? null
            : offers[^1].AgentId.Value;
    }

    public T[] All<T>()
        where T : RoutingEvent => [.. Events.Pending.OfType<T>()];

    public void Advance(TimeSpan by)
    {
        Time.Advance(by);
        Engine.Tick();
    }

    public AgentState StateOf(string agent) => Engine.GetAgent(new AgentId(agent))!.State;
}
