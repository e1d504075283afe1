using Parley.Cluster.Routing.Messages;
using Parley.Cluster.Routing.Ports;
using Parley.Routing;
using Parley.Routing.Agents;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Cluster.Routing;

internal sealed partial class TenantRoutingGrain
{
    public Task<RoutingResult> StartDirect(StartDirectCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = time.GetUtcNow();
        var result = _engine.StartDirect(
            new InteractionRequest(new InteractionId(command.InteractionId), new QueueId(command.QueueId), command.Channel, EnqueuedAt: now),
            new AgentId(command.AgentId));
        var added = result == RoutingResult.Ok
            ? new NewInteraction(command.InteractionId, command.QueueId, command.Channel, 0, command.Attributes, now, ++_sequence)
            : null;
        return CompleteAsync(result, added, null);
    }
}
