using Parley.Voice.Calls.Ports;

namespace Parley.Voice.Calls.Outbound;

/// <summary>A callback waiting in its queue on this node: hears routing's offers for it and passes them to <see cref="Callbacks"/>.</summary>
internal sealed class PendingCallback(Callbacks owner, Guid tenantId, Guid interactionId, Guid? queueId, string number, string? calledNumber, int attempt) : ICallRoutingListener
{
    /// <summary>Which attempt to reach the customer this is, from 1.</summary>
    public int Attempt { get; } = attempt;

    /// <summary>The call the callback was asked for on (empty through the API).</summary>
    public Guid CallId { get; init; }

    /// <summary>Whom Parley calls first when an agent gets it.</summary>
    public CallbackMode Mode { get; init; }

    public Guid TenantId { get; } = tenantId;

    public Guid InteractionId { get; } = interactionId;

    public Guid? QueueId { get; set; } = queueId;

    public string Number { get; } = number;

    public string? CalledNumber { get; } = calledNumber;

    /// <summary>The agent's phone ringing (or the call in progress) for the current offer.</summary>
    public OutboundCall? Call { get; set; }

    void ICallRoutingListener.OnOffered(Guid agentId, DateTimeOffset expiresAt) => owner.Offered(this, agentId, expiresAt);

    void ICallRoutingListener.OnOfferWithdrawn(Guid agentId, string reason) => Call?.Post(new CallSignal.OfferWithdrawn(agentId, reason));

    void ICallRoutingListener.OnMoved(Guid queueId) => QueueId = queueId;

    void ICallRoutingListener.OnEnded(string reason) => owner.Ended(this);
}
