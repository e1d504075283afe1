using Parley.Cluster.Routing.Ports;
using Parley.Routing.Events;

namespace Parley.Cluster.Routing;

/// <summary>
/// The commands applied to the engine since the last save began: their durable effects and events, saved together in
/// one transaction (group commit) and acknowledged together when it commits. Agents whose view the commands may have
/// changed are listed so that reads can tell committed from not-yet-committed state.
/// </summary>
internal sealed class CommitBatch
{
    private readonly List<RoutingChanges> _changes = [];
    private readonly List<RoutingEvent> _events = [];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Commands { get; private set; }

    /// <summary>Agents (ids) whose view the batch's commands may have changed.</summary>
    public HashSet<string> Agents { get; } = new(StringComparer.Ordinal);

    /// <summary>Completes when the batch is durable (or faults with the save's failure).</summary>
    public Task Committed => _done.Task;

    public IReadOnlyList<RoutingEvent> Events => _events;

    public void Add(RoutingChanges changes, RoutingEvent[] events, string? touchedAgent)
    {
        Commands++;
        if (!changes.IsEmpty)
        {
            _changes.Add(changes);
        }

        _events.AddRange(events);
        if (touchedAgent is not null)
        {
            Agents.Add(touchedAgent);
        }

        foreach (var e in events)
        {
            if (AgentOf(e) is { } agent)
            {
                Agents.Add(agent);
            }
        }
    }

    /// <summary>All commands' changes as one change set; presence is state, so only each agent's last change is kept.</summary>
    public RoutingChanges Merge()
    {
        if (_changes.Count == 1)
        {
            return _changes[0];
        }

        var added = new List<NewInteraction>();
        var interactions = new List<InteractionChange>();
        var events = new List<RoutingEvent>();
        var presence = new Dictionary<string, PresenceChange>(StringComparer.Ordinal);
        foreach (var c in _changes)
        {
            added.AddRange(c.Added);
            interactions.AddRange(c.Interactions);
            events.AddRange(c.Events);
            foreach (var p in c.Presence)
            {
                presence.Remove(p.AgentId);
                presence.Add(p.AgentId, p);
            }
        }

        return new RoutingChanges(added, interactions, [.. presence.Values], events);
    }

    public void Succeed() => _done.TrySetResult();

    public void Fail(Exception exception) => _done.TrySetException(exception);

    private static string? AgentOf(RoutingEvent e) => e switch
    {
        AgentStateChanged x => x.AgentId.Value,
        InteractionOffered x => x.AgentId.Value,
        InteractionAccepted x => x.AgentId.Value,
        InteractionRejected x => x.AgentId.Value,
        InteractionOfferTimedOut x => x.AgentId.Value,
        InteractionOfferRevoked x => x.AgentId.Value,
        InteractionEnded x => x.AgentId.Value,
        WrapUpCompleted x => x.AgentId.Value,
        _ => null,
    };
}
