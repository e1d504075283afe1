using Parley.Routing.Events;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Routing;

public sealed partial class RoutingEngine
{
    /// <summary>Moves a waiting interaction to another queue, keeping its original enqueue time.</summary>
    public RoutingResult MoveToQueue(InteractionId interactionId, QueueId queueId)
    {
        Begin();
        if (!_interactions.TryGetValue(interactionId, out var i))
        {
            return RoutingResult.UnknownInteraction;
        }

        if (!_queues.TryGetValue(queueId, out var queue))
        {
            return RoutingResult.UnknownQueue;
        }

        if (queue.Pools[(int)i.Channel] is null)
        {
            return RoutingResult.ChannelNotServed;
        }

        if (i.Status is not (InteractionStatus.Waiting or InteractionStatus.WaitingForPreferredAgent))
        {
            return RoutingResult.InvalidState;
        }

        var from = i.Queue;
        Unwait(i);
        i.PreferredAgent = null;
        Emit(new InteractionMoved(NowOffset, i.Id, from.Id, queue.Id));
        Admit(i, queue);
        return RoutingResult.Ok;
    }

    /// <summary>Changes the priority of an interaction not yet offered; it keeps its enqueue time.</summary>
    public RoutingResult SetPriority(InteractionId interactionId, int priority)
    {
        Begin();
        if (!_interactions.TryGetValue(interactionId, out var i))
        {
            return RoutingResult.UnknownInteraction;
        }

        if (i.Status is not (InteractionStatus.Waiting or InteractionStatus.WaitingForPreferredAgent))
        {
            return RoutingResult.InvalidState;
        }

        if (i.Status == InteractionStatus.WaitingForPreferredAgent)
        {
            i.Priority = priority;
            return RoutingResult.Ok;
        }

        Unwait(i);
        i.Priority = priority;
        i.Generation++;
        Wait(i);
        return RoutingResult.Ok;
    }
}
