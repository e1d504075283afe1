using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Sip;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Sip;
using Parley.Server.Voice.Calls;
using Parley.Voice.Calls;
using Parley.Voice.Calls.Control;
using Parley.Voice.Calls.Ports;

namespace Parley.Server.Application.Calls;

/// <summary>
/// A supervisor on a live call (permission <c>calls.monitor</c>) — monitor in a mode, switch the mode, intercept, force
/// release, leave — shared by the REST API (<c>/api/v1/calls/{id}/monitor</c>, <c>…/intercept</c>, <c>…/release</c>) and
/// the supervisor dashboard. The supervisor's phone is their agent phone if they have an agent profile, else the
/// newest device registered with one of their SIP credentials. Another tenant's call, or one not live on this node,
/// answers not found. Every action is audited (by the endpoint) and reported as a <c>call.*</c> event; silent
/// monitoring is not reported to the agent.
/// </summary>
internal sealed class CallSupervision(
    ParleyDbContext db, TenantContext tenant, InboundCalls calls, IAgentPhones phones, AuditScope audit, CallEvents events, TimeProvider time)
{
    public async Task<AppResult<MonitorJoined>> MonitorAsync(CurrentActor actor, Guid callId, string? mode, CancellationToken ct)
    {
        if (Check(actor) is { } refused)
        {
            return refused;
        }

        if (!TryParse(mode, out var parsed))
        {
            return AppError.Invalid("mode", "One of listen, whisper or barge.");
        }

        if (CheckMode(actor, parsed) is { } notAllowed)
        {
            return notAllowed;
        }

        var userId = Guid.Parse(actor.ActorId);
        tenant.Set(actor.TenantId);
        var agent = await db.Agents.AsNoTracking().Where(a => a.UserId == userId).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct);
        var phone = await PhoneOfAsync(userId, agent, ct);
        if (phone is null)
        {
            return calls.Find(actor.TenantId, callId) is null
                ? AppError.NotFound()
                : AppError.Conflict("You have no phone Parley can ring: set a phone on your agent profile or register a SIP device with your credential.");
        }

        audit.Target("call", callId).Describe($"monitored the call ({Name(parsed)})");
        var result = await calls.SuperviseAsync(actor.TenantId, callId, userId, new SupervisorCommand.Monitor(parsed, phone.Value.Uri, agent, phone.Value.Route), ct);
        if (result.Outcome is not CallControlOutcome.Done)
        {
            return Error(result);
        }

        await PublishAsync(actor, callId, null, "call.monitor-started", new() { ["mode"] = Name(parsed), ["legId"] = result.LegId }, ct);
        return AppResult<MonitorJoined>.Ok(new MonitorJoined(result.LegId!.Value, Name(parsed)));
    }

    public async Task<AppResult<Done>> SetModeAsync(CurrentActor actor, Guid callId, string? mode, CancellationToken ct)
    {
        if (Check(actor) is { } refused)
        {
            return refused;
        }

        if (!TryParse(mode, out var parsed))
        {
            return AppError.Invalid("mode", "One of listen, whisper or barge.");
        }

        if (CheckMode(actor, parsed) is { } notAllowed)
        {
            return notAllowed;
        }

        audit.Target("call", callId).Describe($"switched monitoring to {Name(parsed)}");
        return await RunAsync(actor, callId, new SupervisorCommand.SetMode(parsed), null, "call.monitor-mode-changed", new() { ["mode"] = Name(parsed) }, ct);
    }

    public Task<AppResult<Done>> InterceptAsync(CurrentActor actor, Guid callId, CancellationToken ct)
    {
        if ((Check(actor) ?? Require(actor, Permissions.SuperviseIntercept)) is { } refused)
        {
            return Task.FromResult<AppResult<Done>>(refused);
        }

        audit.Target("call", callId).Describe("intercepted the call");
        return RunAsync(actor, callId, new SupervisorCommand.Intercept(), calls.Find(actor.TenantId, callId)?.AgentId, "call.intercepted", [], ct);
    }

    public Task<AppResult<Done>> ReleaseAsync(CurrentActor actor, Guid callId, CancellationToken ct)
    {
        if (Check(actor) is { } refused)
        {
            return Task.FromResult<AppResult<Done>>(refused);
        }

        audit.Target("call", callId).Describe("force-released the call");
        return RunAsync(actor, callId, new SupervisorCommand.Release(), calls.Find(actor.TenantId, callId)?.AgentId, "call.ended", new() { ["by"] = "supervisor" }, ct);
    }

    public Task<AppResult<Done>> LeaveAsync(CurrentActor actor, Guid callId, CancellationToken ct)
    {
        if (Check(actor) is { } refused)
        {
            return Task.FromResult<AppResult<Done>>(refused);
        }

        audit.Target("call", callId).Describe("stopped monitoring the call");
        return RunAsync(actor, callId, new SupervisorCommand.Leave(), null, "call.monitor-ended", [], ct);
    }

    private async Task<AppResult<Done>> RunAsync(
        CurrentActor actor, Guid callId, SupervisorCommand command, Guid? agentToTell, string type, Dictionary<string, object?> data, CancellationToken ct)
    {
        var result = await calls.SuperviseAsync(actor.TenantId, callId, Guid.Parse(actor.ActorId), command, ct);
        if (result.Outcome is not CallControlOutcome.Done)
        {
            return Error(result);
        }

        await PublishAsync(actor, callId, agentToTell, type, data, ct);
        return AppResult<Done>.Ok(Done.Value);
    }

    private Task PublishAsync(CurrentActor actor, Guid callId, Guid? agentToTell, string type, Dictionary<string, object?> data, CancellationToken ct)
    {
        data["supervisorUserId"] = actor.ActorId;
        return events.PublishAsync(db, actor.TenantId, agentToTell, callId, type, data, ct);
    }

    /// <summary>Their agent phone (fixed URI or registered device), else the newest device registered with any of their SIP credentials.</summary>
    /// <summary>The supervisor's agent phone, else the newest device registered with one of their SIP credentials (with its Path).</summary>
    private async Task<(string Uri, IReadOnlyList<string> Route)?> PhoneOfAsync(Guid userId, Guid? agentId, CancellationToken ct)
    {
        if (agentId is { } id && await phones.FindAsync(tenant.TenantId!.Value, id, ct) is { } agentPhone)
        {
            return (agentPhone.Uri, agentPhone.Route);
        }

        var now = time.GetUtcNow();
        foreach (var credential in await db.Set<SipCredential>().AsNoTracking().Where(c => c.UserId == userId).ToListAsync(ct))
        {
            if (await AgentPhoneReach.RegistrationOfAsync(db, credential, now, ct) is { } registration)
            {
                return (registration.ContactUri, SipRegistrationPath.Split(registration.Path));
            }
        }

        return null;
    }

    /// <summary>Only a person holding <c>calls.monitor</c> (an API client has no phone to join with).</summary>
    private static AppError? Check(CurrentActor actor) =>
        !actor.Permissions.Contains(Permissions.CallsMonitor) ? AppError.Forbidden(Permissions.CallsMonitor)
        : actor.ActorType != ParleyClaims.ActorUser || !Guid.TryParse(actor.ActorId, out _) ? AppError.Conflict("Only a person with a phone can supervise a call.")
        : null;

    /// <summary>Each mode has its own permission beside <c>calls.monitor</c>, so a role may listen without whispering or barging in.</summary>
    private static AppError? CheckMode(CurrentActor actor, MonitorMode mode) => Require(actor, mode switch
    {
        MonitorMode.Whisper => Permissions.SuperviseWhisper,
        MonitorMode.Barge => Permissions.SuperviseBarge,
        _ => Permissions.SuperviseListen,
    });

    private static AppError? Require(CurrentActor actor, string permission) =>
        actor.Permissions.Contains(permission) ? null : AppError.Forbidden(permission);

    private static AppError Error(CallControlResult result) => result.Outcome switch
    {
        CallControlOutcome.NotFound => AppError.NotFound(),
        CallControlOutcome.NotConnected => AppError.Conflict("The call is not connected to anyone now."),
        _ => AppError.Conflict(result.Detail ?? "The call cannot do that now."),
    };

    private static bool TryParse(string? mode, out MonitorMode parsed)
    {
        parsed = default;
        return mode is not null && !int.TryParse(mode, out _) && Enum.TryParse(mode, ignoreCase: true, out parsed) && Enum.IsDefined(parsed);
    }

    private static string Name(MonitorMode mode) => mode.ToString().ToLowerInvariant();
}
