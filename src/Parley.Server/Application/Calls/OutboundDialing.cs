using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Nodes;
using Parley.Voice.Calls.Outbound;
using Parley.Voice.Calls.Ports;
using Parley.Voice.Numbers;

namespace Parley.Server.Application.Calls;

/// <summary>
/// An agent places a call (click to dial, or an internal call by extension) for the REST API and the workspace: checks
/// the destination, the agent's phone, the trunk and the queue, then starts it on <see cref="OutboundCalls"/>, which
/// rings the agent's phone first. Refusals that are known before anything rings answer at once with a cause
/// (<c>no_phone</c>, <c>no_trunk</c>, <c>node_draining</c> (503), <c>extension_unreachable</c>, <c>not_signed_in</c>, <c>agent_busy</c>, <c>no_queue</c>);
/// later failures (busy, no answer) are in the call record.
/// </summary>
internal sealed class OutboundDialing(
    ParleyDbContext db, TenantContext tenant, OutboundCalls calls, IAgentPhones phones, IOutboundTrunks trunks, AuditScope audit, CallEvents events, NodeDrain drain)
{
    public async Task<AppResult<DialStarted>> DialAsync(CurrentActor actor, DialRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (drain.IsDraining)
        {
            // The call and its media would stay on this node, which is about to restart: the agent dials again elsewhere.
            return AppError.Unavailable("node_draining", "This node is draining for a restart and places no new calls; try again in a moment.");
        }

        if (await AgentOfAsync(actor, ct) is not { } agent)
        {
            return actor.Permissions.Contains(Permissions.AgentSelf) ? AppError.NotFound() : AppError.Forbidden(Permissions.AgentSelf);
        }

        var to = request.To?.Trim() ?? string.Empty;
        if (to.Length is 0 or > 64)
        {
            return AppError.Invalid("to", "Give a number (+15551234567) or an extension (ext:1002).");
        }

        var extension = to.StartsWith("ext:", StringComparison.OrdinalIgnoreCase) ? to[4..].Trim() : null;
        var callee = await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Extension != null && a.Extension == (extension ?? to), ct);
        if (extension is not null && callee is null)
        {
            return AppError.Invalid("to", $"No agent has extension {extension}.");
        }

        if (callee is null && !E164.TryParseInternational(to, out _))
        {
            return AppError.Invalid("to", "Not an E.164 number (+ and 8 to 15 digits) nor an agent's extension.");
        }

        if (callee?.Id == agent.Id)
        {
            return AppError.Invalid("to", "That is your own extension.");
        }

        if (await QueueOfAsync(request.QueueId, ct) is not { } queueId)
        {
            return request.QueueId is null
                ? Refused("no_queue", "The tenant has no queue that serves voice.")
                : AppError.Invalid("queueId", "No such queue serving voice.");
        }

        if (await phones.FindAsync(agent.TenantId, agent.Id, ct) is not { } phone)
        {
            return Refused("no_phone", "You have no reachable phone: register your softphone or set a phone URI.");
        }

        OutboundDestination destination;
        if (callee is not null)
        {
            if (await phones.FindAsync(agent.TenantId, callee.Id, ct) is not { } calleePhone)
            {
                return Refused("extension_unreachable", $"Extension {callee.Extension} has no reachable phone.");
            }

            destination = new OutboundDestination.Agent(callee.Id, callee.Extension!, calleePhone);
        }
        else
        {
            E164.TryParseInternational(to, out var number);
            if (await trunks.FindAsync(agent.TenantId, number, ct) is not { } trunk)
            {
                return Refused("no_trunk", "The tenant has no trunk with an outbound host that may call this number (see the trunks' allowed destinations).");
            }

            var ownNumber = await db.Set<Parley.Data.Entities.Voice.PhoneNumber>().AsNoTracking()
                .OrderBy(n => n.AssignedAt).Select(n => n.Number).FirstOrDefaultAsync(ct);
            destination = new OutboundDestination.Number(number, trunk, trunk.CallerIdFor(ownNumber, ownNumber));
        }

        var dial = new OutboundDial(agent.TenantId, agent.Id, agent.Extension, phone, queueId, destination);
        var started = await calls.DialAsync(dial, ct);
        if (started.Refusal is { } refusal)
        {
            return refusal switch
            {
                "AgentNotSignedIn" => Refused("not_signed_in", "Sign in to routing before placing a call."),
                "AgentHasWork" => Refused("agent_busy", "You are on a call, or one is ringing at you."),
                _ => Refused(refusal, "Routing refused the call."),
            };
        }

        var shown = destination is OutboundDestination.Agent a ? "ext:" + a.Extension : ((OutboundDestination.Number)destination).E164;
        var direction = callee is null ? "Outbound" : "Internal";
        audit.Target("call", started.CallId).Describe($"placed a call to {shown}");
        await events.PublishAsync(db, agent.TenantId, agent.Id, started.CallId, "call.dialing", new Dictionary<string, object?>
        {
            ["to"] = shown,
            ["direction"] = direction,
            ["interactionId"] = started.InteractionId,
        }, ct);
        return AppResult<DialStarted>.Ok(new DialStarted(started.CallId, started.InteractionId, direction, shown));
    }

    /// <summary>A refusal known before anything rang; <see cref="AppError.Field"/> carries the cause the API reports.</summary>
    private static AppError Refused(string cause, string detail) => new(AppErrorKind.Conflict, detail, cause);

    private async Task<Guid?> QueueOfAsync(Guid? requested, CancellationToken ct)
    {
        var queues = await db.Queues.AsNoTracking().Where(q => requested == null || q.Id == requested)
            .OrderBy(q => q.Name).Select(q => new { q.Id, q.Channels }).ToListAsync(ct);
        return queues.FirstOrDefault(q => q.Channels.Contains("Voice"))?.Id;
    }

    private async Task<Agent?> AgentOfAsync(CurrentActor actor, CancellationToken ct)
    {
        if (!actor.Permissions.Contains(Permissions.AgentSelf) || actor.ActorType != ParleyClaims.ActorUser || !Guid.TryParse(actor.ActorId, out var userId))
        {
            return null;
        }

        tenant.Set(actor.TenantId);
        return await db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId, ct);
    }
}
