using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Server.Logging;
using Parley.Voice.Nodes;
using Parley.Voice.Records;

namespace Parley.Server.Voice.Records;

/// <summary>
/// Run at start-up, after migrations and before SIP listens: the calls this node still has open died with its last
/// process, so their records (and their open legs) are closed now with cause <see cref="NodeFailureCause"/> and
/// disposition <see cref="CallDisposition.NodeFailure"/>. Other nodes' records are left alone.
/// </summary>
internal sealed class OpenCallCloser(IServiceScopeFactory scopes, IVoiceNode node, TimeProvider time, ILogger<OpenCallCloser> logger)
{
    public const string NodeFailureCause = "node_failure";

    /// <summary>Closes this node's open records; returns how many calls were closed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var nodeId = node.Id;
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
        Log.OpenCallsClosed(logger, open.Count, legs.Count, nodeId);
        return open.Count;
    }
}
