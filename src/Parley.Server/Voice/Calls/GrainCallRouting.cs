using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Parley.Cluster.Routing;
using Parley.Cluster.Routing.Messages;
using Parley.Cluster.Routing.Watching;
using Parley.Routing;
using Parley.Routing.Channels;
using Parley.Server.Tenants;
using Parley.Voice.Calls.Ports;

namespace Parley.Server.Voice.Calls;

/// <summary>
/// The server's <see cref="ICallRouting"/> over the tenant routing grains. Each queued call watches its interaction with
/// an Orleans observer on this node, so offers reach the call wherever the grain runs; watchers are not durable, so a
/// background loop re-attaches them every <see cref="RewatchInterval"/> (a grain rebuilt on another node forgets them).
/// A command the grain's node could not take because that node died is retried (<see cref="SendAsync{T}"/>) until the
/// grain answers again on a survivor, so a call on this node outlives the node hosting its tenant's routing.
/// </summary>
internal sealed partial class GrainCallRouting(IGrainFactory grains, IServiceScopeFactory scopes, TimeProvider time, ILogger<GrainCallRouting> logger)
    : BackgroundService, ICallRouting
{
    public static readonly TimeSpan RewatchInterval = TimeSpan.FromSeconds(10);

    /// <summary>How long a dropped watcher's reference lives on for notices already on their way.</summary>
    private static readonly TimeSpan ReferenceGrace = TimeSpan.FromSeconds(10);

    /// <summary>Watchers re-attached per grain message.</summary>
    private const int RewatchChunk = 1000;

    private readonly ConcurrentDictionary<Guid, CallWatcher> _watchers = new();

    public int Watching => _watchers.Count;

    public async ValueTask<CallQueueResult> EnqueueAsync(CallQueueRequest request, ICallRoutingListener listener, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var queue = await FindQueueAsync(request.TenantId, request.Queue, cancellationToken);
        if (queue is null)
        {
            return CallQueueResult.Refused("unknown_queue");
        }

        var watcher = new CallWatcher(request.TenantId, listener);
        watcher.Reference = grains.CreateObjectReference<IInteractionWatcher>(watcher);
        _watchers[request.InteractionId] = watcher;
        var command = new EnqueueCommand(
            request.InteractionId.ToString(), queue.Value.Id.ToString(), Channel.Voice, request.Priority,
            new Dictionary<string, string>(request.Attributes, StringComparer.Ordinal), Watcher: watcher.Reference,
            PreferredAgentId: request.PreferredAgentId?.ToString(), EnqueuedAt: request.EnqueuedAt, Deferred: request.Deferred);
        RoutingResult result;
        int attempts;
        try
        {
            (result, attempts) = await SendAsync(request.TenantId, g => g.Enqueue(command), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller left while the grain's node was unreachable; an attempt may have been stored before that node died.
            Drop(request.InteractionId);
            _ = WithdrawAsync(request.TenantId, request.InteractionId);
            throw;
        }

        if (result == RoutingResult.DuplicateInteraction && attempts > 1)
        {
            // The first attempt was stored before its node died; the grain rebuilt it on a survivor without the watcher.
            result = (await SendAsync(request.TenantId, g => g.Watch([new WatchEntry(command.InteractionId, watcher.Reference)]), cancellationToken)).Result == 1
                ? RoutingResult.Ok
                : result;
        }

        if (result == RoutingResult.Ok)
        {
            return new CallQueueResult(queue.Value.Id, queue.Value.Name, null);
        }

        Drop(request.InteractionId);
        return CallQueueResult.Refused(result.ToString());
    }

    public async ValueTask<string?> StartDirectAsync(DirectCallRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = new StartDirectCommand(
            request.InteractionId.ToString(), request.QueueId.ToString(), Channel.Voice, request.AgentId.ToString(),
            new Dictionary<string, string>(request.Attributes, StringComparer.Ordinal));
        var (result, _) = await SendAsync(request.TenantId, g => g.StartDirect(command), cancellationToken);
        return result == RoutingResult.Ok ? null : result.ToString();
    }

    public async ValueTask<bool> AcceptAsync(Guid tenantId, Guid interactionId, Guid agentId, CancellationToken cancellationToken = default) =>
        Check("accept", tenantId, interactionId, (await SendAsync(tenantId, g => g.Accept(interactionId.ToString(), agentId.ToString()), cancellationToken)).Result);

    public async ValueTask RejectAsync(Guid tenantId, Guid interactionId, Guid agentId, bool missed, CancellationToken cancellationToken = default) =>
        Check(missed ? "miss" : "reject", tenantId, interactionId, (await SendAsync(tenantId, g => missed
            ? g.Miss(interactionId.ToString(), agentId.ToString())
            : g.Reject(interactionId.ToString(), agentId.ToString()), cancellationToken)).Result);

    public async ValueTask EndAsync(Guid tenantId, Guid interactionId, CancellationToken cancellationToken = default) =>
        Check("end", tenantId, interactionId, (await SendAsync(tenantId, g => g.End(interactionId.ToString()), cancellationToken)).Result);

    public async ValueTask EndWithoutWrapUpAsync(Guid tenantId, Guid interactionId, CancellationToken cancellationToken = default) =>
        Check("end without wrap-up", tenantId, interactionId, (await SendAsync(tenantId, g => g.EndWithoutWrapUp(interactionId.ToString()), cancellationToken)).Result);

    public async ValueTask AbandonAsync(Guid tenantId, Guid interactionId, CancellationToken cancellationToken = default) =>
        Check("abandon", tenantId, interactionId, (await SendAsync(tenantId, g => g.Abandon(interactionId.ToString()), cancellationToken)).Result);

    public async ValueTask<Parley.Voice.Ivr.QueuePosition?> GetPositionAsync(Guid tenantId, Guid interactionId, CancellationToken cancellationToken = default)
    {
        var position = await Grain(tenantId).GetPosition(interactionId.ToString());
        return position is { Status: Parley.Routing.Interactions.InteractionStatus.Waiting }
            ? new Parley.Voice.Ivr.QueuePosition(position.Position, position.EstimatedWait)
            : null;
    }

    public async ValueTask<bool> WatchAsync(Guid tenantId, Guid interactionId, ICallRoutingListener listener, CancellationToken cancellationToken = default)
    {
        var watcher = new CallWatcher(tenantId, listener);
        watcher.Reference = grains.CreateObjectReference<IInteractionWatcher>(watcher);
        _watchers[interactionId] = watcher;
        if ((await SendAsync(tenantId, g => g.Watch([new WatchEntry(interactionId.ToString(), watcher.Reference)]), cancellationToken)).Result == 1)
        {
            return true;
        }

        Drop(interactionId);
        return false;
    }

    /// <summary>Tells the grain first, then drops the watcher (<see cref="Drop"/>).</summary>
    public async ValueTask ForgetAsync(Guid tenantId, Guid interactionId)
    {
        if (!_watchers.ContainsKey(interactionId))
        {
            return;
        }

        try
        {
            await Grain(tenantId).Unwatch(interactionId.ToString());
        }
        finally
        {
            Drop(interactionId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RewatchInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // One message per tenant (in chunks) re-attaches all of its waiting calls: a grain with 2,000 callers gets a
            // few messages every interval, not 2,000.
            var byTenant = _watchers.GroupBy(w => w.Value.TenantId, w => new WatchEntry(w.Key.ToString(), w.Value.Reference!));
            foreach (var tenant in byTenant)
            {
                foreach (var chunk in tenant.Chunk(RewatchChunk))
                {
                    try
                    {
                        await Grain(tenant.Key).Watch(chunk);
                    }
                    catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                    {
                        // Orleans answers an overloaded grain with OperationCanceledException ("message expired"): logged
                        // and retried next round, never the end of this loop (which would stop the host).
                        CallHostLog.RewatchFailed(logger, ex);
                    }
                }
            }
        }
    }

    /// <summary>Abandons an interaction whose enqueue may or may not have been stored; an unknown one is no harm.</summary>
    private async Task WithdrawAsync(Guid tenantId, Guid interactionId)
    {
        try
        {
            await SendAsync(tenantId, g => g.Abandon(interactionId.ToString()), CancellationToken.None);
        }
        catch (Exception ex)
        {
            CallHostLog.WithdrawFailed(logger, ex, interactionId, tenantId);
        }
    }

    private ITenantRoutingGrain Grain(Guid tenantId) => grains.GetGrain<ITenantRoutingGrain>(tenantId);

    private bool Check(string command, Guid tenantId, Guid interactionId, RoutingResult result)
    {
        if (result != RoutingResult.Ok)
        {
            CallHostLog.CommandRefused(logger, command, interactionId, tenantId, result.ToString());
        }

        return result == RoutingResult.Ok;
    }

    /// <summary>
    /// Stops a watcher: it drops notices at once, and its Orleans reference is deleted a little later, so a notice the grain
    /// sent just before it heard <c>Unwatch</c> (the end of the call that ended it, say) reaches a live observer rather than
    /// a deleted one, which Orleans logs as an error ("Unexpected target grain in request").
    /// </summary>
    private bool Drop(Guid interactionId)
    {
        if (!_watchers.TryRemove(interactionId, out var watcher))
        {
            return false;
        }

        watcher.Detach();
        _ = Task.Delay(ReferenceGrace, time, CancellationToken.None)
            .ContinueWith(_ => grains.DeleteObjectReference<IInteractionWatcher>(watcher.Reference!), TaskScheduler.Default);
        return true;
    }

    private async Task<(Guid Id, string Name)?> FindQueueAsync(Guid tenantId, string queue, CancellationToken cancellationToken)
    {
        await using var scope = scopes.OpenTenant(tenantId, out var db);
        var byId = Guid.TryParse(queue, out var id);
        var row = await db.Queues.AsNoTracking()
            .Where(q => byId ? q.Id == id : q.Name == queue)
            .Select(q => new { q.Id, q.Name })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.Id, row.Name);
    }
}
