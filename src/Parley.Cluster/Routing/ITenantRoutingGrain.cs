using Parley.Cluster.Routing.Messages;
using Parley.Cluster.Routing.Watching;
using Parley.Routing;

namespace Parley.Cluster.Routing;

/// <summary>
/// The routing engine of one tenant (key: the tenant id). Commands that change durable facts (arrivals, sign-ins,
/// accepts, ends) are written through <see cref="Ports.IRoutingStore"/>, together with the routing events they
/// produced, before the call returns; a call whose write failed throws and leaves nothing behind. On activation the
/// grain rebuilds its engine from the store. Ids are the string form of the database ids.
/// </summary>
public interface ITenantRoutingGrain : IGrainWithGuidKey
{
    /// <summary>Reloads one agent's definition from the store (removes it when gone).</summary>
    Task<RoutingResult> RefreshAgent(string agentId);

    /// <summary>Reloads one queue's definition from the store (removes it when gone).</summary>
    Task<RoutingResult> RefreshQueue(string queueId);

    /// <summary>
    /// Reloads the tenant's time zone from <see cref="Ports.ITenantTimeZoneSource"/>; "today" then runs to the new
    /// zone's next local midnight (statistics are not reset by the change). Returns the zone id in use.
    /// </summary>
    Task<string> RefreshTimeZone();

    /// <summary>
    /// Re-reads the tenant's seat limits from <see cref="Ports.ITenantPlanSource"/> (call after a plan change); new
    /// limits apply to the next sign-in and never sign anyone out. Returns the seats now in use.
    /// </summary>
    Task<Seats.SeatsView> RefreshPlan();

    /// <summary>Seats in use per channel group, with the plan's limits.</summary>
    Task<Seats.SeatsView> GetSeats();

    /// <summary>
    /// Signs the agent in, unless a channel group the agent can take has no seat left under the plan
    /// (<see cref="RoutingResult.NoVoiceSeat"/>, <see cref="RoutingResult.NoDigitalSeat"/>,
    /// <see cref="RoutingResult.NoVideoSeat"/>).
    /// </summary>
    Task<RoutingResult> SignIn(string agentId, string? notReadyReason);

    Task<RoutingResult> SignOut(string agentId, bool forced);

    Task<RoutingResult> SetAvailable(string agentId, bool forced);

    Task<RoutingResult> SetNotReady(string agentId, string reasonCode, bool forced);

    Task<RoutingResult> Enqueue(EnqueueCommand command);

    /// <summary><see cref="Enqueue"/>, answering with the interaction's position once it is stored (the API's 201).</summary>
    Task<QueuedView> EnqueueAndLocate(EnqueueCommand command);

    Task<RoutingResult> Accept(string interactionId, string agentId);

    /// <summary>An interaction the agent starts (an outbound call): active with them at once, never offered.</summary>
    Task<RoutingResult> StartDirect(StartDirectCommand command);

    Task<RoutingResult> Reject(string interactionId, string agentId);

    /// <summary>The agent's phone was busy, refused or unreachable: a reject that counts as a missed offer.</summary>
    Task<RoutingResult> Miss(string interactionId, string agentId);

    Task<RoutingResult> End(string interactionId);

    /// <summary>Ends an accepted interaction the agent never worked (a cancelled direct consultation): no wrap-up.</summary>
    Task<RoutingResult> EndWithoutWrapUp(string interactionId);

    Task<RoutingResult> Abandon(string interactionId);

    Task<RoutingResult> CompleteWrapUp(string agentId, string interactionId, string? code);

    /// <summary>Runs the heartbeat now (the grain timer does this on its own; tests with a fake clock call it).</summary>
    Task Tick();

    Task<AgentView?> GetAgent(string agentId);

    Task<AgentView[]> GetAgents();

    Task<QueueView?> GetQueue(string queueId);

    Task<QueueView[]> GetQueues();

    Task<PositionView?> GetPosition(string interactionId);

    Task<WaitingView[]> GetWaiting(string queueId);

    /// <summary>
    /// (Re)attaches watchers to interactions still in routing and answers how many were; watchers are not durable, so a
    /// node re-watches its calls now and then (all of a tenant's in one message) in case the grain was rebuilt elsewhere.
    /// </summary>
    Task<int> Watch(WatchEntry[] entries);

    Task Unwatch(string interactionId);
}
