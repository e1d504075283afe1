using Microsoft.Extensions.Time.Testing;
using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;
using Parley.Routing.Skills;

namespace Parley.Routing.Tests.Properties;

/// <summary>A small tenant (6 agents, 4 queues, mixed channels, strategies and rules) driven by random steps.</summary>
internal sealed class PropertyWorld
{
    private static readonly Channel[] BothChannels = [Channel.Voice, Channel.Chat];
    private readonly List<AgentDefinition> _agents;
    private readonly List<QueueDefinition> _queues;
    private int _next;

    public PropertyWorld()
    {
        _agents =
        [
            Agent("a0", [("a", 3)], voice: 1, chat: 0, CrossChannelRule.RealTimeBlocksOthers),
            Agent("a1", [("a", 5), ("b", 2)], voice: 1, chat: 2, CrossChannelRule.RealTimeBlocksOthers),
            Agent("a2", [("b", 4)], voice: 0, chat: 3, CrossChannelRule.Independent),
            Agent("a3", [("a", 1), ("b", 1)], voice: 1, chat: 1, CrossChannelRule.Exclusive),
            Agent("a4", [], voice: 1, chat: 2, CrossChannelRule.Independent),
            Agent("a5", [("a", 2), ("b", 5)], voice: 1, chat: 2, CrossChannelRule.RealTimeBlocksOthers),
        ];
        var timeout = TimeSpan.FromSeconds(10);
        _queues =
        [
            new QueueDefinition(new QueueId("q0"), [Channel.Voice])
            {
                RequiredSkills = [Req("a", 1)], OfferTimeout = timeout, MaxWait = TimeSpan.FromSeconds(90), Overflow = OverflowTarget.ToQueue(new QueueId("q2")),
            },
            new QueueDefinition(new QueueId("q1"), [Channel.Chat])
            {
                RequiredSkills = [Req("b", 2)], Selection = AgentSelection.LeastOccupied, AgingPerMinute = 30, OfferTimeout = timeout,
                WrapUp = WrapUpMode.Optional, WrapUpTimeLimit = TimeSpan.FromSeconds(5),
            },
            new QueueDefinition(new QueueId("q2"), BothChannels)
            {
                Selection = AgentSelection.RoundRobin, Priority = 1, OfferTimeout = timeout, MaxSize = 6, Overflow = OverflowTarget.Voicemail,
                WrapUp = WrapUpMode.Mandatory,
            },
            new QueueDefinition(new QueueId("q3"), [Channel.Voice])
            {
                RequiredSkills = [Req("a", 1), Req("b", 1)], Selection = AgentSelection.BestSkillMatch, OfferTimeout = timeout,
                KpiOverflow = new KpiOverflowRule(OverflowTarget.ToQueue(new QueueId("q0")), SizeAbove: 3),
            },
            new QueueDefinition(new QueueId(BullseyeQueue), [Channel.Voice])
            {
                RequiredSkills = [Req("a", 2)], OfferTimeout = timeout, PreferredAgentTimeout = TimeSpan.FromSeconds(15),
                Bullseye = [new BullseyeStep(TimeSpan.FromSeconds(20), [Req("a", 1)])],
                MaxWait = TimeSpan.FromSeconds(60), Overflow = OverflowTarget.Callback,
            },
        ];
        Sink = new ModelSink(this);
        Engine = new RoutingEngine(Time, Sink, new RoutingOptions { AutoNotReadyAfterMissedOffers = 3, RejectCountsAsMissed = true });
        foreach (var queue in _queues)
        {
            Assert.Equal(RoutingResult.Ok, Engine.UpsertQueue(queue));
        }

        foreach (var agent in _agents)
        {
            Assert.Equal(RoutingResult.Ok, Engine.UpsertAgent(agent));
        }
    }

    /// <summary>Bullseye rings and preferred agents: exempt from the FIFO check, which they override by design.</summary>
    public const string BullseyeQueue = "q4";

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    public ModelSink Sink { get; }

    public RoutingEngine Engine { get; }

    public IReadOnlyList<AgentDefinition> Agents => _agents;

    public void Apply(Step step)
    {
        var agent = _agents[step.A % _agents.Count].Id;
        switch (step.Kind)
        {
            case 0 or 1 or 2:
                var queue = _queues[step.A % _queues.Count];
                var channel = queue.Channels[step.B % queue.Channels.Count];
                var preferred = queue.Id.Value == BullseyeQueue && step.B % 2 == 0 ? _agents[step.B % _agents.Count].Id : (AgentId?)null;
                Engine.Enqueue(new InteractionRequest(new InteractionId($"i{_next++}"), queue.Id, channel, step.B % 3, preferred));
                break;
            case 3:
                Engine.SignIn(agent, step.B % 4 == 0 ? "break" : null);
                break;
            case 4:
                Engine.SignOut(agent, forced: step.B % 2 == 0);
                break;
            case 5:
                Engine.SetAvailable(agent);
                break;
            case 6:
                Engine.SetNotReady(agent, "meeting");
                break;
            case 7 or 8 or 13:
                var offered = Pick(TrackedStatus.Offered, step.B);
                if (offered is not null)
                {
                    var by = new AgentId(offered.Agent!);
                    var result = step.Kind switch
                    {
                        7 => Engine.Accept(new(offered.Id), by),
                        8 => Engine.Reject(new(offered.Id), by),
                        _ => Engine.Accept(new(offered.Id), agent == by ? new AgentId("nobody") : agent),
                    };
                    Assert.Equal(step.Kind == 13 ? RoutingResult.WrongAgent : RoutingResult.Ok, result);
                }

                break;
            case 9:
                var active = Pick(TrackedStatus.Active, step.B);
                if (active is not null)
                {
                    Assert.Equal(RoutingResult.Ok, Engine.End(new(active.Id)));
                }

                break;
            case 10:
                var waiting = Pick(TrackedStatus.Waiting, step.B) ?? Pick(TrackedStatus.Offered, step.B);
                if (waiting is not null)
                {
                    // A command first lets the engine do what fell due (a timeout may end the interaction at that
                    // instant); then "unknown" is right, and the model must have seen the interaction leave.
                    var abandoned = Engine.Abandon(new(waiting.Id));
                    Assert.True(
                        abandoned == RoutingResult.Ok || (abandoned == RoutingResult.UnknownInteraction && waiting.Status == TrackedStatus.Gone),
                        $"Abandon of {waiting.Id} ({waiting.Status}) answered {abandoned}");
                }

                break;
            case 14:
                var toMove = Pick(TrackedStatus.Waiting, step.B);
                if (toMove is not null)
                {
                    var target = _queues[step.A % _queues.Count];
                    var moved = Engine.MoveToQueue(new(toMove.Id), target.Id);
                    Assert.Equal(target.Channels.Contains(toMove.Channel) ? RoutingResult.Ok : RoutingResult.ChannelNotServed, moved);
                }

                break;
            case 11:
                Time.Advance(TimeSpan.FromSeconds(1 + (step.B % 15)));
                Engine.Tick();
                break;
            default:
                var snapshot = Engine.GetAgent(agent)!;
                if (snapshot.WrapUps.Count > 0)
                {
                    Assert.Equal(RoutingResult.Ok, Engine.CompleteWrapUp(agent, snapshot.WrapUps[0].InteractionId, "done"));
                }

                break;
        }
    }

    /// <summary>Whether the agent may be offered one more interaction on <paramref name="channel"/> while holding <paramref name="holding"/>.</summary>
    public bool CanTake(string agentId, Channel channel, IReadOnlyList<Channel> holding)
    {
        var agent = _agents.Single(a => a.Id.Value == agentId);
        var same = holding.Count(c => c == channel);
        if (same >= agent.Capacities.GetValueOrDefault(channel))
        {
            return false;
        }

        return agent.CrossChannel switch
        {
            CrossChannelRule.RealTimeBlocksOthers => !holding.Any(c => ModelSink.IsRealTime(c) && c != channel),
            CrossChannelRule.Exclusive => holding.All(c => c == channel),
            _ => true,
        };
    }

    public bool Serves(AgentDefinition agent, string queueId, Channel channel)
    {
        var queue = _queues.Single(q => q.Id.Value == queueId);
        return agent.Capacities.GetValueOrDefault(channel) > 0
            && queue.RequiredSkills.All(r => agent.Skills.Any(s => s.Skill == r.Skill && s.Proficiency >= r.MinProficiency));
    }

    private Tracked? Pick(TrackedStatus status, int index)
    {
        var candidates = Sink.Interactions.Values.Where(t => t.Status == status).OrderBy(t => t.Arrival).ToList();
        return candidates.Count == 0 ? null : candidates[index % candidates.Count];
    }

    private static SkillRequirement Req(string skill, int min) => new(new SkillId(skill), min);

    private static AgentDefinition Agent(string id, (string Skill, int Level)[] skills, int voice, int chat, CrossChannelRule rule) =>
        new(new AgentId(id), [.. skills.Select(s => new AgentSkill(new SkillId(s.Skill), s.Level))],
            new Dictionary<Channel, int> { [Channel.Voice] = voice, [Channel.Chat] = chat }, rule);
}
