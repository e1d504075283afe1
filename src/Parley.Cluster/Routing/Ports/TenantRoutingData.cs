using Parley.Routing.Agents;
using Parley.Routing.Queues;
using Parley.Routing.Restore;

namespace Parley.Cluster.Routing.Ports;

/// <summary>
/// A tenant's routing configuration and live state as stored. <see cref="RoutingRestoreState.Waiting"/> is in
/// original arrival order; <see cref="LastSequence"/> is the highest arrival sequence handed out so far.
/// </summary>
public sealed record TenantRoutingData(
    IReadOnlyList<QueueDefinition> Queues,
    IReadOnlyList<AgentDefinition> Agents,
    RoutingRestoreState State,
    long LastSequence);
