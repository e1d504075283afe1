using Microsoft.AspNetCore.SignalR;
using Parley.Data;
using Parley.Server.Hubs;
using Parley.Server.Routing;
using Parley.Server.Webhooks;

namespace Parley.Server.Application.Calls;

/// <summary>
/// Reports an agent's call action (<c>call.held</c>, <c>call.resumed</c>, <c>call.muted</c>, <c>call.unmuted</c>,
/// <c>call.digits-sent</c>, <c>call.transferred</c>, <c>call.ended</c>, the conference's <c>call.party-added</c>,
/// <c>call.party-removed</c>, <c>call.agent-left</c> and the supervisor's <c>call.monitor-started</c>,
/// <c>call.monitor-mode-changed</c>, <c>call.monitor-ended</c>, <c>call.intercepted</c>) the way routing events are reported:
/// one webhook delivery row per matching subscription (saved before the push), then the tenant's supervisors' SignalR
/// group and the supervisor feeds, and — when the event names an agent — the agent's group and workspace circuits, on every
/// node of a cluster (<see cref="LiveRoutingEvents"/>). A
/// supervisor's silent monitoring names no agent, so the agent's screens are not told. Sent once the call's mailbox
/// carried it out.
/// </summary>
internal sealed class CallEvents(
    IHubContext<RoutingHub> hub,
    LiveRoutingEvents live,
    WebhookOutbox webhooks,
    TimeProvider time,
    ILogger<CallEvents> logger)
{
    public async Task PublishAsync(ParleyDbContext db, Guid tenantId, Guid? agentId, Guid callId, string type, IReadOnlyDictionary<string, object?>? data, CancellationToken ct)
    {
        var body = new Dictionary<string, object?> { ["callId"] = callId };
        foreach (var (key, value) in data ?? new Dictionary<string, object?>())
        {
            body[key] = value;
        }

        var agent = agentId?.ToString();
        RoutingEventMessage[] messages = [new(type, time.GetUtcNow(), null, null, agent, body)];
        if (await webhooks.AddAsync(db, tenantId, messages, ct) > 0)
        {
            await db.SaveChangesAsync(ct);
            webhooks.Wake();
        }

        try
        {
            await hub.Clients.Group(RoutingGroups.Supervisors(tenantId)).SendAsync(RoutingHub.Method, messages, ct);
            if (agent is not null)
            {
                await hub.Clients.Group(RoutingGroups.Agent(tenantId, agent)).SendAsync(RoutingHub.Method, messages, ct);
            }

            await live.PublishAsync(tenantId, messages);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The action happened; a lost push is caught up by re-reading the call on reconnect.
            Logging.Log.RoutingDispatchFailed(logger, exception, tenantId, messages.Length);
        }
    }
}
