using Orleans.Runtime;
using Parley.Server.Logging;

namespace Parley.Server.Voice.Records;

/// <summary>
/// Closes the calls of a node the cluster declared dead (kill -9, power, a partition), on a survivor, without waiting for
/// the dead node to start again. It follows Orleans' membership: when a silo turns <see cref="SiloStatus.Dead"/> and no
/// live silo carries the same node id (a node restarted under its id closes its own records at start), the active silo
/// with the lowest address closes that node's open call records and legs (<see cref="OpenCallCloser.CloseAsync"/>) and
/// releases their routing interactions. It also releases the interactions this node's own start-up closed.
/// </summary>
/// <remarks>
/// A silo's name is its node id (<c>Parley:NodeId</c>, set in <c>ClusterExtensions</c>), which is what call records
/// carry. Closing is idempotent (only records still open are touched), so a second closer after a leader change does no
/// harm. With localhost clustering the membership holds this node alone and only the start-up part runs.
/// </remarks>
internal sealed class DeadNodeCalls(
    IClusterMembershipService membership,
    ILocalSiloDetails self,
    OpenCallCloser closer,
    OrphanedInteractions orphans,
    ILogger<DeadNodeCalls> logger) : BackgroundService
{
    private static readonly TimeSpan ReleaseRetry = TimeSpan.FromSeconds(2);
    private readonly HashSet<SiloAddress> _handled = [];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(FollowMembershipAsync(stoppingToken), ReleaseOrphansAsync(stoppingToken));

    private async Task FollowMembershipAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                foreach (var dead in NewlyDead(snapshot))
                {
                    await CloseAsync(dead, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Dead silos not seen before that this node must close: their id has no live silo and this node leads.</summary>
    private List<ClusterMember> NewlyDead(ClusterMembershipSnapshot snapshot)
    {
        var members = snapshot.Members.Values;
        var live = members.Where(m => m.Status != SiloStatus.Dead).ToList();
        var leader = live.Where(m => m.Status == SiloStatus.Active).MinBy(m => m.SiloAddress.ToParsableString(), StringComparer.Ordinal);
        var dead = new List<ClusterMember>();
        foreach (var member in members.Where(m => m.Status == SiloStatus.Dead && _handled.Add(m.SiloAddress)))
        {
            var restarted = live.Any(m => string.Equals(m.Name, member.Name, StringComparison.Ordinal));
            if (!member.SiloAddress.Equals(self.SiloAddress) && !restarted && self.SiloAddress.Equals(leader?.SiloAddress))
            {
                dead.Add(member);
            }
        }

        return dead;
    }

    private async Task CloseAsync(ClusterMember dead, CancellationToken stoppingToken)
    {
        Log.NodeDeclaredDead(logger, dead.Name, dead.SiloAddress.ToString());
        try
        {
            await closer.CloseAsync(dead.Name, stoppingToken);
            orphans.Signal();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _handled.Remove(dead.SiloAddress);
            Log.DeadNodeCallsNotClosed(logger, exception, dead.Name);
        }
    }

    private async Task ReleaseOrphansAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await orphans.ReleaseAsync(stoppingToken);
                await orphans.WaitAsync(orphans.Pending > 0 ? ReleaseRetry : Timeout.InfiniteTimeSpan, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
