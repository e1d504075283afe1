using Parley.Routing.Agents;
using Parley.Routing.Events;
using Parley.Routing.Interactions;

namespace Parley.Routing;

public sealed partial class RoutingEngine
{
    /// <summary>Signs an agent in, available or not ready with <paramref name="notReadyReason"/>.</summary>
    public RoutingResult SignIn(AgentId agentId, string? notReadyReason = null)
    {
        Begin();
        if (!_agents.TryGetValue(agentId, out var agent))
        {
            return RoutingResult.UnknownAgent;
        }

        if (agent.SignedIn && !agent.SignOutPending)
        {
            return RoutingResult.AgentAlreadySignedIn;
        }

        agent.SignedIn = true;
        agent.SignOutPending = false;
        agent.MissedInRow = 0;
        agent.NotReadyReason = notReadyReason;
        Settle(agent, forced: false);
        return RoutingResult.Ok;
    }

    /// <summary>
    /// Signs an agent out. Ringing offers go back to the head of their queues and interactions waiting for this
    /// agent as preferred agent join their queues; with work in hand or wrap-up owed, sign-out completes after it.
    /// </summary>
    public RoutingResult SignOut(AgentId agentId, bool forced = false)
    {
        Begin();
        if (!_agents.TryGetValue(agentId, out var agent))
        {
            return RoutingResult.UnknownAgent;
        }

        if (!agent.SignedIn || agent.SignOutPending)
        {
            return RoutingResult.AgentNotSignedIn;
        }

        agent.SignOutPending = true;
        var requeued = new List<InteractionRuntime>();
        foreach (var i in agent.Work.ToArray())
        {
            if (i.Status == InteractionStatus.Offered)
            {
                ReturnToQueue(i, OfferOutcome.Revoked);
                requeued.Add(i);
            }
        }

        foreach (var i in agent.PreferredWaiting.ToArray())
        {
            Unwait(i);
            i.PreferredAgent = null;
            Wait(i);
            requeued.Add(i);
        }

        Settle(agent, forced);
        foreach (var i in requeued)
        {
            TryRoute(i);
        }

        return RoutingResult.Ok;
    }

    /// <summary>The agent (or a supervisor, <paramref name="forced"/>) selects available; applies once work and wrap-up are done.</summary>
    public RoutingResult SetAvailable(AgentId agentId, bool forced = false) => Select(agentId, null, forced);

    /// <summary>
    /// The agent (or a supervisor) selects not ready with a reason: no new offers from now on; ringing offers may
    /// still be accepted, and after work and wrap-up the agent shows not ready.
    /// </summary>
    public RoutingResult SetNotReady(AgentId agentId, string reasonCode, bool forced = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(reasonCode);
        return Select(agentId, reasonCode, forced);
    }

    /// <summary>Ends after-call work for one interaction; the agent returns to the state selected before.</summary>
    public RoutingResult CompleteWrapUp(AgentId agentId, InteractionId interactionId, string? code = null)
    {
        Begin();
        if (!_agents.TryGetValue(agentId, out var agent))
        {
            return RoutingResult.UnknownAgent;
        }

        var index = agent.WrapUps.FindIndex(w => w.InteractionId == interactionId);
        if (index < 0)
        {
            return RoutingResult.InvalidState;
        }

        var item = agent.WrapUps[index];
        var definition = item.Queue.Definition;
        if (code is null && definition.WrapUp is Queues.WrapUpMode.Mandatory or Queues.WrapUpMode.MandatoryWithTimeLimit)
        {
            return RoutingResult.WrapUpCodeRequired;
        }

        if (code is not null && definition.WrapUpCodes.Count > 0 && !definition.WrapUpCodes.Contains(code))
        {
            return RoutingResult.InvalidWrapUpCode;
        }

        agent.WrapUps.RemoveAt(index);
        Emit(new WrapUpCompleted(NowOffset, agent.Id, interactionId, item.Queue.Id, code, TimedOut: false));
        Settle(agent, forced: false);
        return RoutingResult.Ok;
    }

    private RoutingResult Select(AgentId agentId, string? reason, bool forced)
    {
        Begin();
        if (!_agents.TryGetValue(agentId, out var agent))
        {
            return RoutingResult.UnknownAgent;
        }

        if (!agent.SignedIn || agent.SignOutPending)
        {
            return RoutingResult.AgentNotSignedIn;
        }

        agent.NotReadyReason = reason;
        if (reason is null)
        {
            agent.MissedInRow = 0;
        }

        Settle(agent, forced);
        return RoutingResult.Ok;
    }

    /// <summary>After any change to an agent: finish a pending sign-out, give them waiting work, relink, publish state.</summary>
    private void Settle(AgentRuntime agent, bool forced)
    {
        if (agent.SignOutPending && agent.Work.Count == 0 && agent.WrapUps.Count == 0)
        {
            agent.SignOutPending = false;
            agent.SignedIn = false;
        }

        if (agent.Ready)
        {
            FindWork(agent);
        }

        Relink(agent);
        UpdateState(agent, forced);
    }

    /// <summary>Puts the agent in exactly the skill indexes whose channel they can take now, at the tail (most recently busy).</summary>
    private void Relink(AgentRuntime agent)
    {
        SetStaffed(agent, agent.SignedIn && !agent.SignOutPending && agent.NotReadyReason is null);
        var entries = agent.Entries;
        for (var e = 0; e < entries.Count; e++)
        {
            entries[e].Index.Unlink(entries[e]);
        }

        if (!agent.Ready)
        {
            return;
        }

        Span<bool> can = stackalloc bool[Channels.ChannelInfo.Count];
        for (var c = 0; c < can.Length; c++)
        {
            can[c] = agent.CanTake((Channels.Channel)c);
        }

        var sequence = ++_linkSequence;
        for (var e = 0; e < entries.Count; e++)
        {
            var entry = entries[e];
            if (can[(int)entry.Index.Channel])
            {
                entry.Index.Link(entry, agent.TotalLoad, sequence);
            }
        }
    }

    private static void SetStaffed(AgentRuntime agent, bool staffed)
    {
        if (agent.Staffed == staffed)
        {
            return;
        }

        agent.Staffed = staffed;
        var sign = staffed ? 1 : -1;
        foreach (var member in agent.Members)
        {
            member.Pool.StaffedSlots += sign * agent.Capacity[(int)member.Pool.Channel];
        }
    }

    private void UpdateState(AgentRuntime agent, bool forced)
    {
        var state = agent.ComputeState();
        var reason = state == AgentState.NotReady ? agent.NotReadyReason : null;
        if (state == agent.State && reason == agent.StateReason)
        {
            return;
        }

        var previous = agent.State;
        agent.State = state;
        agent.StateReason = reason;
        agent.StateSinceTicks = _now;
        Emit(new AgentStateChanged(NowOffset, agent.Id, previous, state, reason, forced));
    }
}
