using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Voice.Calls;
using Parley.Voice.Calls.Control;
using Parley.Voice.Calls.Outbound;
using Parley.Voice.Numbers;

namespace Parley.Server.Application.Calls;

/// <summary>
/// An agent's control of their own live call — hold, resume, mute, keys, hang up, blind transfer — shared by the REST
/// API (<c>/api/v1/calls/{id}/…</c>) and the web workspace. The actor holds <c>agent.self</c> and is the agent the call is
/// bridged with; another agent's call, another tenant's call or a call that is not live answers not found. Each
/// command is carried out in the call's mailbox (<see cref="InboundCalls.ControlAsync"/>); a call the agent placed is
/// there too once answered, and in <see cref="OutboundCalls"/> while it rings (hang up only).
/// </summary>
internal sealed class CallControl(ParleyDbContext db, TenantContext tenant, InboundCalls calls, OutboundCalls placed, AuditScope audit, CallEvents events)
{
    public Task<AppResult<Done>> HoldAsync(CurrentActor actor, Guid callId, CancellationToken ct) =>
        RunAsync(actor, callId, new CallCommand.Hold(), "put the call on hold", ct);

    public Task<AppResult<Done>> ResumeAsync(CurrentActor actor, Guid callId, CancellationToken ct) =>
        RunAsync(actor, callId, new CallCommand.Resume(), "resumed the call", ct);

    public Task<AppResult<Done>> MuteAsync(CurrentActor actor, Guid callId, bool muted, CancellationToken ct) =>
        RunAsync(actor, callId, muted ? new CallCommand.Mute() : new CallCommand.Unmute(), muted ? "muted" : "unmuted", ct);

    /// <summary>
    /// Pauses or resumes the call's recording (the paused part is silence): the call's agent, or a supervisor of the tenant
    /// holding <c>calls.monitor</c> (who hears card details being read out), acting on the agent's call.
    /// </summary>
    public async Task<AppResult<Done>> PauseRecordingAsync(CurrentActor actor, Guid callId, bool paused, CancellationToken ct)
    {
        CallCommand CommandBy(Guid? supervisorId) => paused ? new CallCommand.PauseRecording(supervisorId) : new CallCommand.ResumeRecording(supervisorId);
        var summary = paused ? "paused the recording" : "resumed the recording";
        var agent = await AgentOfAsync(actor, ct);
        if (agent is not null && OwnsLiveCall(agent, callId))
        {
            return await ControlAsync(agent, callId, CommandBy(null), summary, ct);
        }

        if (actor.Permissions.Contains(Permissions.CallsMonitor) && calls.Find(actor.TenantId, callId) is { AgentId: { } agentId })
        {
            tenant.Set(actor.TenantId);
            var callsAgent = await db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agentId, ct);
            var supervisorId = Guid.TryParse(actor.ActorId, out var userId) ? userId : (Guid?)null;
            return callsAgent is null ? AppError.NotFound() : await ControlAsync(callsAgent, callId, CommandBy(supervisorId), summary + " (supervisor)", ct);
        }

        return agent is null ? Refusal(actor) : await ControlAsync(agent, callId, CommandBy(null), summary, ct);
    }

    public Task<AppResult<Done>> HangUpAsync(CurrentActor actor, Guid callId, CancellationToken ct) =>
        RunAsync(actor, callId, new CallCommand.HangUp(), "hung up", ct);

    public Task<AppResult<Done>> SendDigitsAsync(CurrentActor actor, Guid callId, string? digits, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(digits) || digits.Length > 32 || digits.Any(d => !IsKey(d)))
        {
            return Task.FromResult<AppResult<Done>>(AppError.Invalid("digits", "Between 1 and 32 keys: 0-9, *, #, A-D."));
        }

        // The keys themselves are not audited: they may be a card number or a PIN.
        return RunAsync(actor, callId, new CallCommand.SendDigits(digits.ToUpperInvariant()), $"sent {digits.Length} key(s)", ct);
    }

    /// <summary>Blind transfer to exactly one of a queue, an agent, a number (E.164 or national by no rule) or a flow of the tenant.</summary>
    public async Task<AppResult<Done>> TransferAsync(CurrentActor actor, Guid callId, CallTransferRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await AgentOfAsync(actor, ct) is not { } agent)
        {
            return Refusal(actor);
        }

        if (!OwnsLiveCall(agent, callId))
        {
            return AppError.NotFound(); // the call first: another tenant's or agent's call never learns about targets
        }

        var given = new object?[] { request.Queue, request.Agent, request.Number, request.Flow }.Count(t => t is not null);
        if (given != 1)
        {
            return AppError.Invalid("to", "Name exactly one of queue, agent, number or flow.");
        }

        CallTransferTarget target;
        if (request.Queue is { } queueId)
        {
            if (!await db.Queues.AnyAsync(q => q.Id == queueId, ct))
            {
                return AppError.Invalid("to/queue", "No such queue.");
            }

            target = new CallTransferTarget.Queue(queueId);
        }
        else if (request.Agent is { } agentId)
        {
            if (!await db.Agents.AnyAsync(a => a.Id == agentId, ct))
            {
                return AppError.Invalid("to/agent", "No such agent.");
            }

            target = new CallTransferTarget.Agent(agentId);
        }
        else if (request.Flow is { } flowId)
        {
            if (!await db.Flows.AnyAsync(f => f.Id == flowId && f.PublishedVersion != null, ct))
            {
                return AppError.Invalid("to/flow", "No such flow with a published version.");
            }

            target = new CallTransferTarget.Flow(flowId);
        }
        else if (E164.TryParseInternational(request.Number, out var number))
        {
            target = new CallTransferTarget.Number(number);
        }
        else
        {
            return AppError.Invalid("to/number", "Not an E.164 number (+ and 8 to 15 digits).");
        }

        return await ControlAsync(agent, callId, new CallCommand.Transfer(target), $"transferred the call to {CallActionEvent.Describe(target)}", ct);
    }

    /// <summary>Conference: rings an agent of the tenant or a number (through the trunk) and mixes them in once answered.</summary>
    public Task<AppResult<PartyAdded>> AddPartyAsync(CurrentActor actor, Guid callId, CallTransferRequest request, CancellationToken ct) =>
        RingAsync(actor, callId, request, target => new CallCommand.AddParty(target), "added {0} to the call", ct);

    /// <summary>
    /// Consult transfer: the customer on hold, the agent talks to an agent of the tenant or a number once answered, or to
    /// the agent a queue gives the consultation to (answered at once as <c>queued</c>).
    /// </summary>
    public Task<AppResult<PartyAdded>> ConsultAsync(CurrentActor actor, Guid callId, CallTransferRequest request, CancellationToken ct) =>
        RingAsync(actor, callId, request, target => new CallCommand.Consult(target), "consulted {0}", ct, queueAllowed: true);

    public Task<AppResult<Done>> CompleteConsultAsync(CurrentActor actor, Guid callId, CancellationToken ct) =>
        RunAsync(actor, callId, new CallCommand.CompleteConsult(), "completed the consult transfer", ct);

    public Task<AppResult<Done>> CancelConsultAsync(CurrentActor actor, Guid callId, CancellationToken ct) =>
        RunAsync(actor, callId, new CallCommand.CancelConsult(), "cancelled the consultation", ct);

    /// <summary>
    /// Rings exactly one of an agent of the tenant or a number (or, <paramref name="queueAllowed"/>, queues in one of its
    /// queues) for <paramref name="command"/>; answered with the leg once it answered.
    /// </summary>
    private async Task<AppResult<PartyAdded>> RingAsync(
        CurrentActor actor, Guid callId, CallTransferRequest request, Func<CallTransferTarget, CallCommand> command, string summary, CancellationToken ct,
        bool queueAllowed = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await AgentOfAsync(actor, ct) is not { } agent)
        {
            return Refusal(actor);
        }

        if (!OwnsLiveCall(agent, callId))
        {
            return AppError.NotFound();
        }

        if ((request.Queue is not null && !queueAllowed) || request.Flow is not null
            || new object?[] { request.Queue, request.Agent, request.Number }.Count(t => t is not null) != 1)
        {
            return AppError.Invalid("to", queueAllowed ? "Name exactly one of queue, agent or number." : "Name exactly one of agent or number.");
        }

        CallTransferTarget target;
        if (request.Queue is { } queueId)
        {
            var channels = await db.Queues.Where(q => q.Id == queueId).Select(q => q.Channels).SingleOrDefaultAsync(ct);
            if (channels is null || !channels.Contains("Voice"))
            {
                return AppError.Invalid("to/queue", "No such queue serving voice.");
            }

            target = new CallTransferTarget.Queue(queueId);
        }
        else if (request.Agent is { } agentId)
        {
            if (!await db.Agents.AnyAsync(a => a.Id == agentId, ct))
            {
                return AppError.Invalid("to/agent", "No such agent.");
            }

            target = new CallTransferTarget.Agent(agentId);
        }
        else if (E164.TryParseInternational(request.Number, out var number))
        {
            target = new CallTransferTarget.Number(number);
        }
        else
        {
            return AppError.Invalid("to/number", "Not an E.164 number (+ and 8 to 15 digits).");
        }

        var result = await CarryOutAsync(agent, callId, command(target), string.Format(System.Globalization.CultureInfo.InvariantCulture, summary, CallActionEvent.Describe(target)), ct);
        return result.Error is { } error ? error
            : AppResult<PartyAdded>.Ok(result.Value!.LegId is { } legId ? new PartyAdded(legId) : new PartyAdded(null, "queued"));
    }

    public Task<AppResult<Done>> RemovePartyAsync(CurrentActor actor, Guid callId, Guid legId, CancellationToken ct) =>
        RunAsync(actor, callId, new CallCommand.RemoveParty(legId), $"removed party {legId} from the call", ct);

    /// <summary>The agent leaves the conference (wrap-up); the customer and the added parties keep talking.</summary>
    public Task<AppResult<Done>> LeaveAsync(CurrentActor actor, Guid callId, CancellationToken ct) =>
        RunAsync(actor, callId, new CallCommand.Leave(), "left the conference", ct);

    /// <summary>The transfer picker's choices: the tenant's queues that serve voice and the agents other than the caller.</summary>
    public async Task<TransferTargets> TransferTargetsAsync(CurrentActor actor, CancellationToken ct)
    {
        if (await AgentOfAsync(actor, ct) is not { } me)
        {
            return TransferTargets.None;
        }

        var queues = await db.Queues.AsNoTracking().OrderBy(q => q.Name).Select(q => new { q.Id, q.Name, q.Channels }).ToListAsync(ct);
        var agents = await db.Agents.AsNoTracking().Where(a => a.Id != me.Id).OrderBy(a => a.DisplayName).Select(a => new TransferChoice(a.Id, a.DisplayName)).ToListAsync(ct);
        return new TransferTargets(
            queues.Where(q => q.Channels.Contains("Voice")).Select(q => new TransferChoice(q.Id, q.Name)).ToList(), agents);
    }

    /// <summary>The calling agent's live call, if one is bridged with them on this node.</summary>
    public async Task<LiveCallView?> CurrentCallAsync(CurrentActor actor, CancellationToken ct) =>
        await AgentOfAsync(actor, ct) is { } agent ? calls.FindByAgent(actor.TenantId, agent.Id) : null;

    private async Task<AppResult<Done>> RunAsync(CurrentActor actor, Guid callId, CallCommand command, string summary, CancellationToken ct)
    {
        if (await AgentOfAsync(actor, ct) is not { } agent)
        {
            return Refusal(actor);
        }

        return await ControlAsync(agent, callId, command, summary, ct);
    }

    private async Task<AppResult<Done>> ControlAsync(Agent agent, Guid callId, CallCommand command, string summary, CancellationToken ct)
    {
        var result = await CarryOutAsync(agent, callId, command, summary, ct);
        return result.Error is { } error ? error : AppResult<Done>.Ok(Done.Value);
    }

    private async Task<AppResult<CallControlResult>> CarryOutAsync(Agent agent, Guid callId, CallCommand command, string summary, CancellationToken ct)
    {
        audit.Target("call", callId).Describe(summary);
        var result = await calls.ControlAsync(agent.TenantId, callId, agent.Id, command, ct);
        if (result.Outcome is CallControlOutcome.NotFound)
        {
            // Not a call to a number on this node: perhaps one the agent placed.
            result = await placed.ControlAsync(agent.TenantId, callId, agent.Id, command, ct);
        }

        if (result.Outcome is CallControlOutcome.Done)
        {
            var (type, data) = CallActionEvent.Of(command, result);
            await events.PublishAsync(db, agent.TenantId, agent.Id, callId, type, data, ct);
        }

        return result.Outcome switch
        {
            CallControlOutcome.Done => AppResult<CallControlResult>.Ok(result),
            CallControlOutcome.NotFound => AppError.NotFound(),
            _ => AppError.Conflict(result.Detail ?? "The call is not connected to the agent now."),
        };
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

    /// <summary>
    /// Whether <paramref name="callId"/> is the call the agent talks on now: a call to a number, or one they placed once it
    /// was answered (it is then a connected call of <see cref="InboundCalls"/> like any other).
    /// </summary>
    private bool OwnsLiveCall(Agent agent, Guid callId) =>
        calls.FindByAgent(agent.TenantId, agent.Id) is { } live && (live.CallId == callId || live.InteractionId == callId);

    private static AppError Refusal(CurrentActor actor) =>
        actor.Permissions.Contains(Permissions.AgentSelf) ? AppError.NotFound() : AppError.Forbidden(Permissions.AgentSelf);

    private static bool IsKey(char c) => char.IsAsciiDigit(c) || c is '*' or '#' || char.ToUpperInvariant(c) is >= 'A' and <= 'D';
}
