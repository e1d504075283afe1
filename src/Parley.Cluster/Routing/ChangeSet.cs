using Parley.Cluster.Routing.Ports;
using Parley.Routing;
using Parley.Routing.Agents;
using Parley.Routing.Events;
using Parley.Routing.Queues;

namespace Parley.Cluster.Routing;

/// <summary>Derives the durable effects of a command (state changes and the history to record) from the events it produced.</summary>
internal static class ChangeSet
{
    private static readonly RoutingChanges Empty = new([], [], [], []);

    public static RoutingChanges From(
        RoutingEvent[] events, NewInteraction? added, string? touchedAgent, RoutingEngine engine, DateTimeOffset now)
    {
        List<InteractionChange>? interactions = null;
        HashSet<string>? agents = null;
        var statistics = 0;
        foreach (var e in events)
        {
            if (e is QueueStatisticsChanged)
            {
                statistics++;
                continue;
            }

            var change = e switch
            {
                InteractionQueued q when q.InteractionId.Value != added?.InteractionId =>
                    new InteractionChange(q.InteractionId.Value, InteractionChangeKind.MovedToQueue, q.At, QueueId: q.QueueId.Value),
                InteractionAccepted a => new InteractionChange(a.InteractionId.Value, InteractionChangeKind.Accepted, a.At, AgentId: a.AgentId.Value),
                InteractionEnded x => new InteractionChange(x.InteractionId.Value, InteractionChangeKind.Ended, x.At),
                InteractionAbandoned x => new InteractionChange(x.InteractionId.Value, InteractionChangeKind.Abandoned, x.At),
                InteractionOverflowed o when o.Target.Kind != OverflowTargetKind.Queue =>
                    new InteractionChange(o.InteractionId.Value, InteractionChangeKind.Overflowed, o.At, Outcome: o.Target.Kind.ToString()),
                _ => null,
            };
            if (change is not null)
            {
                (interactions ??= []).Add(change);
            }
            else if (e is AgentStateChanged s)
            {
                (agents ??= new HashSet<string>(StringComparer.Ordinal)).Add(s.AgentId.Value);
            }
        }

        if (touchedAgent is not null)
        {
            (agents ??= new HashSet<string>(StringComparer.Ordinal)).Add(touchedAgent);
        }

        if (interactions is null && agents is null && added is null && statistics == events.Length)
        {
            return Empty;
        }

        var presence = new List<PresenceChange>();
        foreach (var agentId in agents ?? [])
        {
            if (engine.GetAgent(new AgentId(agentId)) is { } snapshot)
            {
                var signedIn = snapshot.State != AgentState.LoggedOut || snapshot.SignOutPending;
                presence.Add(new PresenceChange(agentId, signedIn, snapshot.SelectedNotReadyReason, now - snapshot.TimeInState, snapshot.SignOutPending));
            }
        }

        return new RoutingChanges(added is null ? [] : [added], (IReadOnlyList<InteractionChange>?)interactions ?? [], presence, Recorded(events, statistics));
    }

    /// <summary>The events that are history (all but queue statistics), without copying when there is nothing to drop.</summary>
    private static RoutingEvent[] Recorded(RoutingEvent[] events, int statistics)
    {
        if (statistics == 0)
        {
            return events;
        }

        var recorded = new RoutingEvent[events.Length - statistics];
        var n = 0;
        foreach (var e in events)
        {
            if (e is not QueueStatisticsChanged)
            {
                recorded[n++] = e;
            }
        }

        return recorded;
    }
}
