using Parley.Voice.Calls.Ports;

namespace Parley.Voice.Calls;

/// <summary>
/// Hears routing about a consultation's own ACD interaction (<c>kind=consult</c>: waiting in a queue, or held by the
/// consulted agent) or the interaction an attended transfer handed over, and posts it to the call, whose mailbox handles
/// it in order with everything else.
/// </summary>
internal sealed class ConsultQueueListener(InboundCall call, Guid interactionId) : ICallRoutingListener
{
    public void OnOffered(Guid agentId, DateTimeOffset expiresAt) => call.Post(new CallSignal.ConsultOffered(interactionId, agentId, expiresAt));

    public void OnOfferWithdrawn(Guid agentId, string reason) => call.Post(new CallSignal.ConsultOfferWithdrawn(interactionId, agentId, reason));

    public void OnMoved(Guid queueId)
    {
        // Where the consultation waits does not change what the call does.
    }

    public void OnEnded(string reason) => call.Post(new CallSignal.ConsultRoutingEnded(interactionId, reason));
}
