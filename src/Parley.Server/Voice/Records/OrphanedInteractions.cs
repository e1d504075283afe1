using Orleans.Runtime;
using System.Collections.Concurrent;
using Parley.Cluster.Routing;
using Parley.Routing;
using Parley.Server.Logging;

namespace Parley.Server.Voice.Records;

/// <summary>A routing interaction whose call died with its node.</summary>
internal readonly record struct OrphanedInteraction(Guid TenantId, Guid InteractionId);

/// <summary>
/// The routing interactions of calls that died with a node. Routing rebuilds them from the database as waiting or
/// connected, but nobody will ever answer for them: a waiting one would be offered to agents as a call that rings
/// nowhere, a connected one would keep its agent busy. <see cref="ReleaseAsync"/> abandons the waiting ones and ends the
/// connected ones (the agent goes to wrap-up), in each tenant's routing grain.
/// </summary>
internal sealed class OrphanedInteractions(IGrainFactory grains, ILogger<OrphanedInteractions> logger)
{
    private readonly ConcurrentQueue<OrphanedInteraction> _pending = new();
    private readonly SemaphoreSlim _added = new(0);

    public int Pending => _pending.Count;

    public void Add(IEnumerable<OrphanedInteraction> interactions)
    {
        foreach (var interaction in interactions)
        {
            _pending.Enqueue(interaction);
        }
    }

    /// <summary>Wakes <see cref="WaitAsync"/>: interactions were added.</summary>
    public void Signal() => _added.Release();

    /// <summary>Waits until <see cref="Signal"/> or <paramref name="timeout"/>.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _added.WaitAsync(timeout, cancellationToken);

    /// <summary>Releases every pending interaction; one that routing cannot reach now is kept for the next call.</summary>
    public async Task<int> ReleaseAsync(CancellationToken cancellationToken)
    {
        var released = 0;
        var retry = new List<OrphanedInteraction>();
        while (!cancellationToken.IsCancellationRequested && _pending.TryDequeue(out var orphan))
        {
            try
            {
                var grain = grains.GetGrain<ITenantRoutingGrain>(orphan.TenantId);
                var id = orphan.InteractionId.ToString();
                if (await grain.Abandon(id) != RoutingResult.Ok)
                {
                    _ = await grain.End(id); // not waiting: connected (ended, its agent to wrap-up) or already over
                }

                released++;
            }
            catch (Exception exception) when (exception is OrleansException or TimeoutException)
            {
                Log.OrphanedInteractionNotReleased(logger, exception, orphan.InteractionId);
                retry.Add(orphan);
            }
        }

        Add(retry);
        return released;
    }
}
