using Parley.Routing.Agents;
using Parley.Routing.Events;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;
using Parley.Routing.Timers;

namespace Parley.Routing;

public sealed partial class RoutingEngine
{
    /// <summary>
    /// An interaction arrives for a queue. The host persists it before acknowledging; the engine publishes
    /// <see cref="InteractionQueued"/> and, when an agent fits, <see cref="InteractionOffered"/> at once.
    /// </summary>
    public RoutingResult Enqueue(InteractionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Begin();
        if (!_queues.TryGetValue(request.QueueId, out var queue))
        {
            return RoutingResult.UnknownQueue;
        }

        if (queue.Pools[(int)request.Channel] is null)
        {
            return RoutingResult.ChannelNotServed;
        }

        if (_interactions.ContainsKey(request.Id))
        {
            return RoutingResult.DuplicateInteraction;
        }

        if (request.RequiredSkills is { } extra && extra.Any(r => r.MinProficiency is < 1 or > 5))
        {
            return RoutingResult.InvalidDefinition;
        }

        var enqueued = Math.Min(request.EnqueuedAt?.UtcTicks ?? _now, _now);
        var i = new InteractionRuntime(request.Id, request.Channel, request.Priority, enqueued, ++_sequence) { Deferred = request.Deferred };
        if (request.PreferredAgent is { } preferred && _agents.TryGetValue(preferred, out var agent))
        {
            i.PreferredAgent = agent;
        }

        SetExtra(i, request.RequiredSkills);
        _interactions.Add(i.Id, i);
        Admit(i, queue);
        return RoutingResult.Ok;
    }

    /// <summary>The agent answers the offer ringing at them.</summary>
    public RoutingResult Accept(InteractionId interactionId, AgentId agentId)
    {
        var result = FindOffer(interactionId, agentId, out var i);
        if (result != RoutingResult.Ok)
        {
            return result;
        }

        var agent = i.Agent!;
        i.Status = InteractionStatus.Active;
        i.Generation++;
        i.AcceptedTicks = _now;
        agent.Ringing--;
        agent.MissedInRow = 0;
        var queue = i.Queue;
        var waited = _now - i.EnqueuedTicks;
        queue.Answered++;
        if (waited <= queue.Definition.ServiceLevelTarget.Ticks)
        {
            queue.AnsweredWithinTarget++;
        }

        MarkDirty(queue);
        Emit(new InteractionAccepted(NowOffset, i.Id, queue.Id, agent.Id, TimeSpan.FromTicks(waited)));
        UpdateState(agent, forced: false);
        return RoutingResult.Ok;
    }

    /// <summary>The agent declines the offer; the interaction goes back to the head of its queue.</summary>
    public RoutingResult Reject(InteractionId interactionId, AgentId agentId) => Reject(interactionId, agentId, missed: false);

    /// <summary>
    /// The offer was refused; with <paramref name="missed"/> it counts as a missed offer whatever
    /// <see cref="RoutingOptions.RejectCountsAsMissed"/> says (an agent's phone that was busy or unreachable).
    /// </summary>
    public RoutingResult Reject(InteractionId interactionId, AgentId agentId, bool missed)
    {
        var result = FindOffer(interactionId, agentId, out var i);
        if (result != RoutingResult.Ok)
        {
            return result;
        }

        var agent = i.Agent!;
        ReturnToQueue(i, OfferOutcome.Rejected);
        var forced = (missed || Options.RejectCountsAsMissed) && CountMissed(agent);
        Relink(agent);
        TryRoute(i);
        Settle(agent, forced);
        return RoutingResult.Ok;
    }

    /// <summary>An accepted interaction ended: capacity is freed and wrap-up starts if the queue asks for it.</summary>
    public RoutingResult End(InteractionId interactionId) => End(interactionId, wrapUp: true);

    /// <summary>
    /// An accepted interaction ended that the agent never worked (a consultation rung to them directly and cancelled before
    /// they took the customer): capacity is freed and the agent goes back to the state they were in, with no wrap-up.
    /// </summary>
    public RoutingResult EndWithoutWrapUp(InteractionId interactionId) => End(interactionId, wrapUp: false);

    private RoutingResult End(InteractionId interactionId, bool wrapUp)
    {
        Begin();
        if (!_interactions.TryGetValue(interactionId, out var i))
        {
            return RoutingResult.UnknownInteraction;
        }

        if (i.Status != InteractionStatus.Active)
        {
            return RoutingResult.InvalidState;
        }

        var agent = i.Agent!;
        agent.Work.Remove(i);
        agent.AddLoad(i.Channel, -1);
        _interactions.Remove(interactionId);
        i.Generation++;
        var queue = i.Queue;
        var handle = _now - i.AcceptedTicks;
        var seconds = handle / (double)TimeSpan.TicksPerSecond;
        if (wrapUp)
        {
            // Work the agent never did does not shape the queue's handle time.
            queue.AverageHandleSeconds = queue.AverageHandleSeconds < 0
                ? seconds
                : (Options.HandleTimeSmoothing * seconds) + ((1 - Options.HandleTimeSmoothing) * queue.AverageHandleSeconds);
        }

        MarkDirty(queue);
        Emit(new InteractionEnded(NowOffset, i.Id, queue.Id, agent.Id, TimeSpan.FromTicks(handle)));
        var definition = queue.Definition;
        if (wrapUp && definition.WrapUp != WrapUpMode.None)
        {
            var limit = definition.WrapUp is WrapUpMode.Optional or WrapUpMode.MandatoryWithTimeLimit ? definition.WrapUpTimeLimit : null;
            var item = new WrapUpItem(i.Id, queue, _now, limit);
            agent.WrapUps.Add(item);
            if (limit is { } l)
            {
                _timers.Schedule(_now + l.Ticks, l.Ticks, new TimerEntry(TimerKind.WrapUpLimit, null, 0, agent, item));
            }
        }

        Settle(agent, forced: false);
        return RoutingResult.Ok;
    }

    /// <summary>The customer left (hung up, closed the chat) before an agent accepted.</summary>
    public RoutingResult Abandon(InteractionId interactionId)
    {
        Begin();
        if (!_interactions.TryGetValue(interactionId, out var i))
        {
            return RoutingResult.UnknownInteraction;
        }

        AgentRuntime? agent = null;
        switch (i.Status)
        {
            case InteractionStatus.Active:
                return RoutingResult.InvalidState;
            case InteractionStatus.Offered:
                agent = i.Agent!;
                agent.Work.Remove(i);
                agent.Ringing--;
                agent.AddLoad(i.Channel, -1);
                i.Agent = null;
                break;
            default:
                Unwait(i);
                break;
        }

        _interactions.Remove(interactionId);
        i.Generation++;
        i.Queue.Abandoned++;
        MarkDirty(i.Queue);
        Emit(new InteractionAbandoned(NowOffset, i.Id, i.Queue.Id, TimeSpan.FromTicks(_now - i.EnqueuedTicks)));
        if (agent is not null)
        {
            Settle(agent, forced: false);
        }

        return RoutingResult.Ok;
    }

    private void SetExtra(InteractionRuntime i, IReadOnlyList<Skills.SkillRequirement>? requirements)
    {
        if (requirements is null || requirements.Count == 0)
        {
            return;
        }

        i.ExtraDefinition = requirements;
        i.Extra = [.. requirements.Select(r => new Skills.ResolvedRequirement(_skills.Resolve(r.Skill), r.MinProficiency))];
    }

    private RoutingResult FindOffer(InteractionId interactionId, AgentId agentId, out InteractionRuntime interaction)
    {
        Begin();
        if (!_interactions.TryGetValue(interactionId, out interaction!))
        {
            return RoutingResult.UnknownInteraction;
        }

        if (interaction.Status != InteractionStatus.Offered)
        {
            return RoutingResult.InvalidState;
        }

        return interaction.Agent!.Id == agentId ? RoutingResult.Ok : RoutingResult.WrongAgent;
    }
}
