using Parley.Voice.Calls.Ports;

namespace Parley.Voice.Calls.Outbound;

/// <summary>
/// Hears routing about a placed call's interaction for the call's whole life: its end from outside (the agent or a
/// supervisor through the API) ends the call while it dials and, once handed over, the connected call it became. Offers
/// and moves do not concern a call that is never queued.
/// </summary>
internal sealed class PlacedCallListener(OutboundCall call) : ICallRoutingListener
{
    public void OnOffered(Guid agentId, DateTimeOffset expiresAt)
    {
    }

    public void OnOfferWithdrawn(Guid agentId, string reason)
    {
    }

    public void OnMoved(Guid queueId)
    {
    }

    public void OnEnded(string reason) => call.RoutingEnded(reason);
}
