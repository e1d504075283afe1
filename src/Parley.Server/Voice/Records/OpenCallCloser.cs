using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Server.Logging;
using Parley.Voice.Nodes;
using Parley.Voice.Records;

namespace Parley.Server.Voice.Records;

/// <summary>
/// Closes the records of calls that died with their node, with cause <see cref="NodeFailureCause"/> and disposition
/// <see cref="CallDisposition.NodeFailure"/>: this node's own at start-up (<see cref="RunAsync"/>, after migrations and
/// before SIP listens), and another node's once the cluster has declared it dead (<see cref="CloseAsync"/>, from
/// <see cref="DeadNodeCalls"/>). The routing interactions those calls held are collected in
/// <see cref="OrphanedInteractions"/>, to be released once routing runs.
/// </summary>
internal sealed class OpenCallCloser(IServiceScopeFactory scopes, IVoiceNode node, OrphanedInteractions orphans, TimeProvider time, ILogger<OpenCallCloser> logger)
{
    public const string NodeFailureCause = "node_failure";

    /// <summary>Closes this node's open records; returns how many calls were closed.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) => CloseAsync(node.Id, cancellationToken);

    /// <summary>Closes the open records of node <paramref name="nodeId"/>; returns how many calls were closed.</summary>
    public async Task<int> CloseAsync(string nodeId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var now = CallTimes.Stored(time.GetUtcNow());
        var calls = db.Set<CallRecordRow>().IgnoreQueryFilters();
        var open = await calls.Where(c => c.NodeId == nodeId && c.EndedAt == null).ToListAsync(cancellationToken);
        var legs = await db.Set<CallLegRow>().IgnoreQueryFilters()
            .Where(l => l.EndedAt == null && calls.Any(c => c.Id == l.CallId && c.NodeId == nodeId))
            .ToListAsync(cancellationToken);
        if (open.Count == 0 && legs.Count == 0)
        {
            return 0;
        }

        foreach (var call in open)
        {
            call.EndedAt = now;
            call.Disposition = nameof(CallDisposition.NodeFailure);
            call.ReleaseCause = NodeFailureCause;
            call.ReleasedBy = nameof(CallParty.System);
            CallDurations.Compute(call);
        }

        foreach (var leg in legs)
        {
            leg.EndedAt = now;
            leg.ReleaseCause = NodeFailureCause;
            CallDurations.Compute(leg);
        }

        await db.SaveChangesAsync(cancellationToken);
        orphans.Add(open.Where(c => c.InteractionId is not null).Select(c => new OrphanedInteraction(c.TenantId, c.InteractionId!.Value)));
        Log.OpenCallsClosed(logger, open.Count, legs.Count, nodeId);
        return open.Count;
    }
}
