using Parley.Voice.Ivr;

namespace Parley.Voice.Calls.Ports;

/// <summary>
/// The ACD as a call sees it: a call that reaches a queue becomes an interaction (channel Voice) of its tenant's routing,
/// and hears about offers and its end through an <see cref="ICallRoutingListener"/> wherever routing runs (the call stays
/// on the node that answered it). Every method is tenant-scoped by <c>tenantId</c>.
/// </summary>
public interface ICallRouting
{
    /// <summary>Queues the interaction (queue by id or name) and starts telling <paramref name="listener"/> about it.</summary>
    ValueTask<CallQueueResult> EnqueueAsync(CallQueueRequest request, ICallRoutingListener listener, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts an interaction the agent places themselves (an outbound or internal call): active with the agent at once, so
    /// they get no offers while it lasts; <see cref="EndAsync"/> ends it (wrap-up per the queue). Null when started, else
    /// the refusal (<c>AgentNotSignedIn</c>, <c>AgentHasWork</c>, <c>UnknownQueue</c>, …).
    /// </summary>
    ValueTask<string?> StartDirectAsync(DirectCallRequest request, CancellationToken cancellationToken = default);

    /// <summary>The agent's phone answered: true when the offer still stood and the interaction is now the agent's.</summary>
    ValueTask<bool> AcceptAsync(Guid tenantId, Guid interactionId, Guid agentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The call cannot go to this agent now: with <paramref name="missed"/> (their phone was busy, refused or unreachable)
    /// it counts as a missed offer, so repeated misses set the agent not ready as the ACD does for timeouts.
    /// </summary>
    ValueTask RejectAsync(Guid tenantId, Guid interactionId, Guid agentId, bool missed, CancellationToken cancellationToken = default);

    /// <summary>The conversation is over; the agent goes to wrap-up per the queue.</summary>
    ValueTask EndAsync(Guid tenantId, Guid interactionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends an interaction the agent never worked — a consultation rung to them directly (<see cref="StartDirectAsync"/>)
    /// and cancelled before they took the customer: the agent goes back to the state they were in, with no wrap-up.
    /// </summary>
    ValueTask EndWithoutWrapUpAsync(Guid tenantId, Guid interactionId, CancellationToken cancellationToken = default);

    /// <summary>The caller left before talking to an agent.</summary>
    ValueTask AbandonAsync(Guid tenantId, Guid interactionId, CancellationToken cancellationToken = default);

    /// <summary>Position and estimated wait, or null when the interaction is no longer waiting.</summary>
    ValueTask<QueuePosition?> GetPositionAsync(Guid tenantId, Guid interactionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tells <paramref name="listener"/> about an interaction queued earlier (a callback after a restart); false when routing
    /// no longer has it.
    /// </summary>
    ValueTask<bool> WatchAsync(Guid tenantId, Guid interactionId, ICallRoutingListener listener, CancellationToken cancellationToken = default);

    /// <summary>Stops telling the call's listener anything.</summary>
    ValueTask ForgetAsync(Guid tenantId, Guid interactionId);
}
