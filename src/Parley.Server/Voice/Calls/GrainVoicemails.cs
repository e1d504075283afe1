using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Parley.Cluster.Routing;
using Parley.Cluster.Routing.Messages;
using Parley.Routing;
using Parley.Routing.Channels;
using Parley.Server.Tenants;
using Parley.Voice.Calls.Ports;

namespace Parley.Server.Voice.Calls;

/// <summary>
/// The server's <see cref="IVoicemails"/>: a recorded message becomes an interaction of the tenant's routing grain
/// (channel Voice, attributes <see cref="VoicemailAttributes"/>), with no watcher — nothing rings: the agent accepts the
/// offer in the workspace or through the API, plays the message (<c>GET /api/v1/interactions/{id}/voicemail</c>), ends it
/// and wraps up like any other interaction. Routing stores it, so it survives a restart.
/// </summary>
internal sealed class GrainVoicemails(IGrainFactory grains, IServiceScopeFactory scopes) : IVoicemails
{
    public async ValueTask<CallQueueResult> LeaveAsync(VoicemailRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        (Guid Id, string Name)? queue;
        await using (var scope = scopes.OpenTenant(request.TenantId, out var db))
        {
            var byId = Guid.TryParse(request.Queue, out var id);
            var row = await db.Queues.AsNoTracking()
                .Where(q => byId ? q.Id == id : q.Name == request.Queue)
                .Select(q => new { q.Id, q.Name })
                .FirstOrDefaultAsync(cancellationToken);
            queue = row is null ? null : (row.Id, row.Name);
        }

        if (queue is null)
        {
            return CallQueueResult.Refused("unknown_queue");
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [VoicemailAttributes.Kind] = VoicemailAttributes.Voicemail,
            [VoicemailAttributes.CallId] = request.CallId.ToString("D"),
            [VoicemailAttributes.RecordingId] = request.RecordingId.ToString("D"),
            [VoicemailAttributes.CallerNumber] = request.CallerNumber ?? string.Empty,
            ["calledNumber"] = request.CalledNumber ?? string.Empty,
            [VoicemailAttributes.DurationSeconds] = ((int)Math.Round(request.Duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
        };
        var result = await grains.GetGrain<ITenantRoutingGrain>(request.TenantId).Enqueue(
            new EnqueueCommand(Guid.CreateVersion7().ToString(), queue.Value.Id.ToString(), Channel.Voice, 0, attributes, Deferred: true));
        return result == RoutingResult.Ok ? new CallQueueResult(queue.Value.Id, queue.Value.Name, null) : CallQueueResult.Refused(result.ToString());
    }
}
