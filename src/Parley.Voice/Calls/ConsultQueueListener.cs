using Parley.Voice.Calls.Ports;

namespace Parley.Voice.Calls;

/// <summary>
/// Hears routing about a consultation waiting in a queue (its own ACD interaction, <c>kind=consult</c>) and posts it to
/// the call that asked for it, whose mailbox handles it in order with everything else.
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
