using Parley.Routing.Agents;
using Parley.Routing.Events;
using Parley.Routing.Interactions;

namespace Parley.Bench.Routing;

/// <summary>Keeps the offers a command produced so the driver can answer them, and counts events.</summary>
internal sealed class OfferCollector : IRoutingEventSink
{
    public List<(InteractionId Interaction, AgentId Agent)> Offers { get; } = [];

    public long Events { get; private set; }

    public void Publish(RoutingEvent routingEvent)
    {
        Events++;
        if (routingEvent is InteractionOffered offered)
        {
            Offers.Add((offered.InteractionId, offered.AgentId));
        }
    }
}
