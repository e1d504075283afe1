using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Cluster.Routing.Ports;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;
using Parley.Routing.Restore;
using Parley.Server.Reports;
using Parley.Server.Routing.Saving;
using Parley.Server.Tenants;
using Parley.Server.Voice.Calls;
using Parley.Server.Voice.Records;
using Parley.Server.Webhooks;

namespace Parley.Server.Routing;

/// <summary>
/// The routing grains' store: configuration, open interactions and presence in the Parley database. A save writes
/// the state changes, the routing-history rows and the webhook delivery rows of the same commands in one transaction
/// (<see cref="RoutingSave"/>): either all of them are durable before the grain answers, or none is. A
/// wrap-up that completes also closes the wrap-up of the call record of its interaction (<see cref="CallWrapUps"/>).
/// </summary>
internal sealed class EfRoutingStore(IServiceScopeFactory scopes, WebhookOutbox webhooks, StaleQuarterMarker staleQuarters, TimeProvider time) : IRoutingStore
{
    public Task<long> ClaimAsync(Guid tenantId, CancellationToken cancellationToken) =>
        RoutingOwnershipClaims.ClaimAsync(scopes, tenantId, time, cancellationToken);

    public async Task<TenantRoutingData> LoadAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var scope = Open(tenantId, out var db);
        var queues = await db.Queues.AsNoTracking().ToListAsync(cancellationToken);
        var agents = await db.Agents.AsNoTracking().ToListAsync(cancellationToken);
        var registered = await AgentPhoneReach.RegisteredCredentialsAsync(db, agents, time.GetUtcNow(), cancellationToken);
        var presence = await db.AgentPresence.AsNoTracking().ToListAsync(cancellationToken);
        var open = await db.Interactions.AsNoTracking()
            .Where(i => i.Status == InteractionRecord.Waiting || i.Status == InteractionRecord.Active)
            .ToListAsync(cancellationToken);
        open = [.. open.OrderBy(i => i.EnqueuedAt).ThenBy(i => i.Sequence)];
        var last = await db.Interactions.MaxAsync(i => (long?)i.Sequence, cancellationToken) ?? 0;
        var waiting = open.Where(i => i.Status == InteractionRecord.Waiting)
            .Select(i => new WaitingInteraction(new InteractionId(RoutingDefinitions.Key(i.Id)), new QueueId(RoutingDefinitions.Key(i.QueueId)), Enum.Parse<Channel>(i.Channel), i.Priority, i.EnqueuedAt,
                Deferred: DeferredWork.IsDeferred(i.Attributes)))
            .ToList();
        var active = open.Where(i => i.Status == InteractionRecord.Active && i.AgentId is not null)
            .Select(i => new ActiveInteractionRestore(
                new InteractionId(RoutingDefinitions.Key(i.Id)), new QueueId(RoutingDefinitions.Key(i.QueueId)), Enum.Parse<Channel>(i.Channel),
                new AgentId(RoutingDefinitions.Key(i.AgentId!.Value)), i.Priority, i.EnqueuedAt, i.AcceptedAt ?? i.EnqueuedAt))
            .ToList();
        var signedIn = presence.Select(p => new AgentRestore(new AgentId(RoutingDefinitions.Key(p.AgentId)), p.NotReadyReason, p.StateSince, p.SignOutPending)).ToList();
        return new TenantRoutingData(
            queues.Select(RoutingDefinitions.ToDefinition).ToList(),
            agents.Select(a => RoutingDefinitions.ToDefinition(a, AgentPhoneReach.OffersVoice(a, registered))).ToList(),
            new RoutingRestoreState(signedIn, waiting, active),
            last);
    }

    public async Task<AgentDefinition?> LoadAgentAsync(Guid tenantId, string agentId, CancellationToken cancellationToken)
    {
        await using var scope = Open(tenantId, out var db);
        var id = Guid.Parse(agentId);
        var agent = await db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agent is null)
        {
            return null;
        }

        var registered = await AgentPhoneReach.RegisteredCredentialsAsync(db, [agent], time.GetUtcNow(), cancellationToken);
        return RoutingDefinitions.ToDefinition(agent, AgentPhoneReach.OffersVoice(agent, registered));
    }

    public async Task<QueueDefinition?> LoadQueueAsync(Guid tenantId, string queueId, CancellationToken cancellationToken)
    {
        await using var scope = Open(tenantId, out var db);
        var id = Guid.Parse(queueId);
        var queue = await db.Queues.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, cancellationToken);
        return queue is null ? null : RoutingDefinitions.ToDefinition(queue);
    }

    public async Task SaveAsync(Guid tenantId, long epoch, RoutingChanges changes, CancellationToken cancellationToken)
    {
        await using var scope = Open(tenantId, out var db);
        var messages = new List<RoutingEventMessage>(changes.Events.Count);
        foreach (var e in changes.Events)
        {
            messages.Add(RoutingEventMessages.From(e));
        }

        await using var save = await RoutingSave.BeginAsync(
            db, staleQuarters, tenantId, epoch, Created(tenantId, changes.Added), RoutingHistoryRows.From(tenantId, messages), cancellationToken);
        if (changes.Interactions.Count > 0)
        {
            var ids = changes.Interactions.Select(c => Guid.Parse(c.InteractionId)).Distinct().ToList();
            var rows = await db.Interactions.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
            foreach (var added in db.ChangeTracker.Entries<InteractionRecord>().Select(e => e.Entity))
            {
                rows.TryAdd(added.Id, added);
            }

            foreach (var change in changes.Interactions)
            {
                if (rows.TryGetValue(Guid.Parse(change.InteractionId), out var row))
                {
                    Apply(row, change);
                }
            }
        }

        if (changes.Presence.Count > 0)
        {
            await ApplyPresenceAsync(db, tenantId, changes.Presence, cancellationToken);
        }

        var deliveries = 0;
        if (messages.Count > 0)
        {
            await CallWrapUps.ApplyAsync(db, changes.Events, cancellationToken);
            deliveries = await webhooks.AddAsync(db, tenantId, messages, cancellationToken);
        }

        await save.SaveAsync(cancellationToken);
        if (deliveries > 0)
        {
            webhooks.Wake();
        }
    }

    /// <summary>The interaction rows of the interactions a save creates (inserted, never read first).</summary>
    private static List<InteractionRecord> Created(Guid tenantId, IReadOnlyList<NewInteraction> added)
    {
        var rows = new List<InteractionRecord>(added.Count);
        foreach (var a in added)
        {
            rows.Add(new InteractionRecord
            {
                Id = Guid.Parse(a.InteractionId),
                TenantId = tenantId,
                QueueId = Guid.Parse(a.QueueId),
                Channel = a.Channel.ToString(),
                Priority = a.Priority,
                Attributes = JsonSerializer.Serialize(a.Attributes),
                EnqueuedAt = a.EnqueuedAt,
                Sequence = a.Sequence,
            });
        }

        return rows;
    }

    private static async Task ApplyPresenceAsync(ParleyDbContext db, Guid tenantId, IReadOnlyList<PresenceChange> changes, CancellationToken cancellationToken)
    {
        var ids = changes.Select(p => Guid.Parse(p.AgentId)).ToList();
        var rows = await db.AgentPresence.Where(p => ids.Contains(p.AgentId)).ToDictionaryAsync(p => p.AgentId, cancellationToken);
        foreach (var p in changes)
        {
            var id = Guid.Parse(p.AgentId);
            rows.TryGetValue(id, out var row);
            if (!p.SignedIn)
            {
                if (row is not null)
                {
                    db.AgentPresence.Remove(row);
                }

                continue;
            }

            if (row is null)
            {
                row = new AgentPresence { AgentId = id, TenantId = tenantId };
                db.AgentPresence.Add(row);
                rows[id] = row;
            }

            row.NotReadyReason = p.NotReadyReason;
            row.StateSince = p.StateSince;
            row.SignOutPending = p.SignOutPending;
        }
    }

    private static void Apply(InteractionRecord row, InteractionChange change)
    {
        switch (change.Kind)
        {
            case InteractionChangeKind.MovedToQueue:
                row.QueueId = Guid.Parse(change.QueueId!);
                row.Status = InteractionRecord.Waiting;
                break;
            case InteractionChangeKind.Accepted:
                row.Status = InteractionRecord.Active;
                row.AgentId = Guid.Parse(change.AgentId!);
                row.AcceptedAt = change.At;
                break;
            default:
                row.Status = change.Kind.ToString();
                row.ClosedAt = change.At;
                row.Outcome = change.Outcome;
                break;
        }
    }

    private AsyncServiceScope Open(Guid tenantId, out ParleyDbContext db) => scopes.OpenTenant(tenantId, out db);
}
