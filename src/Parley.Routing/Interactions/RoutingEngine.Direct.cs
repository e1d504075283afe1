using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Events;

namespace Parley.Routing;

public sealed partial class RoutingEngine
{
    /// <summary>
    /// An interaction the agent starts themselves (an outbound or internal call): active with <paramref name="agentId"/> at
    /// once, never queued or offered, counted in the agent's load so they get no offers of that channel while it lasts.
    /// <see cref="End"/> ends it as any accepted interaction (wrap-up as <paramref name="request"/>'s queue says). Refused
    /// with <see cref="RoutingResult.AgentHasWork"/> when the agent's load on the channel is already at its capacity (at
    /// least one), e.g. another call or an offer ringing.
    /// </summary>
    public RoutingResult StartDirect(Interactions.InteractionRequest request, AgentId agentId)
    {
        ArgumentNullException.ThrowIfNull(request);
        Begin();
        if (!_queues.TryGetValue(request.QueueId, out var queue))
        {
            return RoutingResult.UnknownQueue;
        }

        var channel = (int)request.Channel;
        if (queue.Pools[channel] is not { } pool)
        {
            return RoutingResult.ChannelNotServed;
        }

        if (_interactions.ContainsKey(request.Id))
        {
            return RoutingResult.DuplicateInteraction;
        }

        if (!_agents.TryGetValue(agentId, out var agent))
        {
            return RoutingResult.UnknownAgent;
        }

        if (!agent.SignedIn)
        {
            return RoutingResult.AgentNotSignedIn;
        }

        if (agent.Load[channel] >= Math.Max(agent.Capacity[channel], 1)
            || (ChannelInfo.IsRealTime(request.Channel) && agent.RealTimeLoad > 0))
        {
            return RoutingResult.AgentHasWork;
        }

        var i = new Interactions.InteractionRuntime(request.Id, request.Channel, request.Priority, _now, ++_sequence)
        {
            Queue = queue,
            Pool = pool,
            QueuedTicks = _now,
            Status = Interactions.InteractionStatus.Active,
            Agent = agent,
            OfferedTicks = _now,
            AcceptedTicks = _now,
        };
        _interactions.Add(i.Id, i);
        agent.Work.Add(i);
        agent.AddLoad(i.Channel, 1);
        Emit(new InteractionAccepted(NowOffset, i.Id, queue.Id, agent.Id, TimeSpan.Zero));
        Settle(agent, forced: false);
        return RoutingResult.Ok;
    }
}
