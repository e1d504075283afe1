using Parley.Cluster.Routing.Ports;
using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Events;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;
using Parley.Routing.Restore;

namespace Parley.Cluster.Tests.Support;

/// <summary>
/// A store that outlives grains and silos (the database of these tests): definitions set by the test, arrivals,
/// interaction changes, presence and the routing history written by the grain. Shared by every silo of a test
/// cluster; keyed by tenant. A save is a transaction: when it fails part-way, what it had applied is rolled back.
/// </summary>
public sealed class InMemoryRoutingStore : IRoutingStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, TenantData> _tenants = [];

    public static InMemoryRoutingStore Shared { get; } = new();

    /// <summary>Fails every save while set, as a database outage would.</summary>
    public bool FailSaves { get; set; }

    /// <summary>
    /// Fails saves that carry history while set, after their state changes were applied and before the history is
    /// written (a crash between the two writes), as a transactional database would: the state is rolled back.
    /// </summary>
    public bool FailHistoryWrites { get; set; }

    /// <summary>
    /// Holds the tenant's next saves until <paramref name="release"/> completes (a slow database); returns a task that
    /// completes when a held save has started.
    /// </summary>
    public Task HoldSaves(Guid tenantId, Task release)
    {
        lock (_lock)
        {
            var t = Of(tenantId);
            t.Hold = release;
            t.SaveStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return t.SaveStarted.Task;
        }
    }

    /// <summary>Lets the tenant's saves run at once again.</summary>
    public void ReleaseSaves(Guid tenantId)
    {
        lock (_lock)
        {
            Of(tenantId).Hold = null;
        }
    }

    /// <summary>How many saves (transactions) the tenant's grain has made.</summary>
    public int SavesOf(Guid tenantId)
    {
        lock (_lock)
        {
            return Of(tenantId).Saves;
        }
    }

    /// <summary>The routing history recorded for the tenant, in order.</summary>
    public IReadOnlyList<RoutingEvent> HistoryOf(Guid tenantId)
    {
        lock (_lock)
        {
            return [.. Of(tenantId).History];
        }
    }

    /// <summary>How many times a grain loaded the tenant, i.e. how many activations it had.</summary>
    public int LoadsOf(Guid tenantId)
    {
        lock (_lock)
        {
            return Of(tenantId).Loads;
        }
    }

    public void Define(Guid tenantId, QueueDefinition queue)
    {
        lock (_lock)
        {
            Of(tenantId).Queues[queue.Id.Value] = queue;
        }
    }

    public void Define(Guid tenantId, AgentDefinition agent)
    {
        lock (_lock)
        {
            Of(tenantId).Agents[agent.Id.Value] = agent;
        }
    }

    /// <summary>Interactions still waiting, as stored, in arrival order.</summary>
    public IReadOnlyList<NewInteraction> Waiting(Guid tenantId)
    {
        lock (_lock)
        {
            var t = Of(tenantId);
            return t.Interactions.Values.Where(i => i.Status == "Waiting").Select(i => i.Record)
                .OrderBy(r => r.EnqueuedAt).ThenBy(r => r.Sequence).ToList();
        }
    }

    public string? StatusOf(Guid tenantId, string interactionId)
    {
        lock (_lock)
        {
            return Of(tenantId).Interactions.TryGetValue(interactionId, out var i) ? i.Status : null;
        }
    }

    public bool IsSignedIn(Guid tenantId, string agentId)
    {
        lock (_lock)
        {
            return Of(tenantId).Presence.ContainsKey(agentId);
        }
    }

    /// <summary>Claims the tenant as another activation would (a duplicate on a joining node): returns the new epoch.</summary>
    public long ClaimElsewhere(Guid tenantId)
    {
        lock (_lock)
        {
            return ++Of(tenantId).Epoch;
        }
    }

    public Task<long> ClaimAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(++Of(tenantId).Epoch);
        }
    }

    public Task<TenantRoutingData> LoadAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var t = Of(tenantId);
            t.Loads++;
            var open = t.Interactions.Values.OrderBy(i => i.Record.EnqueuedAt).ThenBy(i => i.Record.Sequence).ToList();
            var waiting = open.Where(i => i.Status == "Waiting")
                .Select(i => new WaitingInteraction(new InteractionId(i.Record.InteractionId), new QueueId(i.QueueId), i.Record.Channel, i.Record.Priority, i.Record.EnqueuedAt))
                .ToList();
            var active = open.Where(i => i.Status == "Active")
                .Select(i => new ActiveInteractionRestore(
                    new InteractionId(i.Record.InteractionId), new QueueId(i.QueueId), i.Record.Channel, new AgentId(i.AgentId!), i.Record.Priority, i.Record.EnqueuedAt, i.AcceptedAt!.Value))
                .ToList();
            var agents = t.Presence.Values.Select(p => new AgentRestore(new AgentId(p.AgentId), p.NotReadyReason, p.StateSince, p.SignOutPending)).ToList();
            var last = t.Interactions.Count == 0 ? 0 : t.Interactions.Values.Max(i => i.Record.Sequence);
            return Task.FromResult(new TenantRoutingData([.. t.Queues.Values], [.. t.Agents.Values], new RoutingRestoreState(agents, waiting, active), last));
        }
    }

    public Task<AgentDefinition?> LoadAgentAsync(Guid tenantId, string agentId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(Of(tenantId).Agents.GetValueOrDefault(agentId));
        }
    }

    public Task<QueueDefinition?> LoadQueueAsync(Guid tenantId, string queueId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(Of(tenantId).Queues.GetValueOrDefault(queueId));
        }
    }

    public async Task SaveAsync(Guid tenantId, long epoch, RoutingChanges changes, CancellationToken cancellationToken)
    {
        if (FailSaves)
        {
            throw new IOException("The test database is down.");
        }

        Task? hold;
        lock (_lock)
        {
            var t = Of(tenantId);
            hold = t.Hold;
            t.SaveStarted?.TrySetResult();
        }

        if (hold is not null)
        {
            await hold;
        }

        lock (_lock)
        {
            var t = Of(tenantId);
            if (epoch != t.Epoch)
            {
                throw new RoutingOwnershipLostException(tenantId, epoch);
            }

            t.Saves++;
            var undo = new List<Action>();
            try
            {
                Apply(t, changes, undo);
                if (FailHistoryWrites && changes.Events.Count > 0)
                {
                    throw new IOException("The test database failed while writing the routing history.");
                }

                t.History.AddRange(changes.Events);
            }
            catch
            {
                for (var n = undo.Count - 1; n >= 0; n--)
                {
                    undo[n]();
                }

                throw;
            }
        }
    }

    private static void Apply(TenantData t, RoutingChanges changes, List<Action> undo)
    {
        foreach (var added in changes.Added)
        {
            t.Interactions.Add(added.InteractionId, new StoredInteraction(added) { QueueId = added.QueueId });
            undo.Add(() => t.Interactions.Remove(added.InteractionId));
        }

        foreach (var change in changes.Interactions)
        {
            var i = t.Interactions[change.InteractionId];
            var (queue, status, agent, acceptedAt) = (i.QueueId, i.Status, i.AgentId, i.AcceptedAt);
            undo.Add(() => (i.QueueId, i.Status, i.AgentId, i.AcceptedAt) = (queue, status, agent, acceptedAt));
            switch (change.Kind)
            {
                case InteractionChangeKind.MovedToQueue:
                    i.QueueId = change.QueueId!;
                    break;
                case InteractionChangeKind.Accepted:
                    (i.Status, i.AgentId, i.AcceptedAt) = ("Active", change.AgentId, change.At);
                    break;
                default:
                    i.Status = change.Kind.ToString();
                    break;
            }
        }

        foreach (var p in changes.Presence)
        {
            var had = t.Presence.TryGetValue(p.AgentId, out var before);
            undo.Add(() =>
            {
                if (had)
                {
                    t.Presence[p.AgentId] = before!;
                }
                else
                {
                    t.Presence.Remove(p.AgentId);
                }
            });
            if (p.SignedIn)
            {
                t.Presence[p.AgentId] = p;
            }
            else
            {
                t.Presence.Remove(p.AgentId);
            }
        }
    }

    private TenantData Of(Guid tenantId)
    {
        if (!_tenants.TryGetValue(tenantId, out var t))
        {
            t = new TenantData();
            _tenants.Add(tenantId, t);
        }

        return t;
    }

    private sealed class TenantData
    {
        public int Loads { get; set; }

        public int Saves { get; set; }

        public long Epoch { get; set; }

        public Task? Hold { get; set; }

        public TaskCompletionSource? SaveStarted { get; set; }

        public Dictionary<string, QueueDefinition> Queues { get; } = [];

        public Dictionary<string, AgentDefinition> Agents { get; } = [];

        public Dictionary<string, StoredInteraction> Interactions { get; } = [];

        public Dictionary<string, PresenceChange> Presence { get; } = [];

        public List<RoutingEvent> History { get; } = [];
    }

    private sealed class StoredInteraction(NewInteraction record)
    {
        public NewInteraction Record { get; } = record;

        public required string QueueId { get; set; }

        public string Status { get; set; } = "Waiting";

        public string? AgentId { get; set; }

        public DateTimeOffset? AcceptedAt { get; set; }
    }
}
