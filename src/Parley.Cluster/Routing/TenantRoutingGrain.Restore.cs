using Parley.Cluster.Routing.Ports;
using Parley.Routing;
using Parley.Routing.Agents;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;
using Parley.Routing.Restore;

namespace Parley.Cluster.Routing;

internal sealed partial class TenantRoutingGrain
{
    /// <summary>Defines queues and agents, then restores live state; returns how many stored facts no longer fit.</summary>
    private int Rebuild(TenantRoutingData data)
    {
        foreach (var queue in data.Queues)
        {
            if (_engine.UpsertQueue(queue) == RoutingResult.Ok)
            {
                _queueIds.Add(queue.Id.Value);
            }
        }

        foreach (var agent in data.Agents)
        {
            if (_engine.UpsertAgent(agent) == RoutingResult.Ok)
            {
                _agentIds.Add(agent.Id.Value);
                DefineSeats(agent);
            }
        }

        var state = data.State;
        var channels = data.Queues.ToDictionary(q => q.Id, q => q.Channels);
        var agents = state.Agents.Where(a => _agentIds.Contains(a.AgentId.Value)).ToList();
        var signedIn = agents.Select(a => a.AgentId).ToHashSet();
        var active = state.Active.Where(a => signedIn.Contains(a.AgentId) && Serves(channels, a.QueueId, a.Channel)).ToList();
        var waiting = state.Waiting.Where(w => Serves(channels, w.QueueId, w.Channel)).ToList();
        var result = _engine.Restore(new RoutingRestoreState(agents, waiting, active));
        if (result != RoutingResult.Ok)
        {
            throw new InvalidOperationException($"Routing state of tenant {_tenantId} could not be restored: {result}.");
        }

        return state.Agents.Count - agents.Count + state.Active.Count - active.Count + state.Waiting.Count - waiting.Count;
    }

    private static bool Serves(Dictionary<QueueId, IReadOnlyList<Parley.Routing.Channels.Channel>> channels, QueueId queue, Parley.Routing.Channels.Channel channel) =>
        channels.TryGetValue(queue, out var served) && served.Contains(channel);
}
