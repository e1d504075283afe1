using Microsoft.EntityFrameworkCore;
using Parley.Cluster.Routing.Messages;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Api.Agents;
using Parley.Server.Api.NotReadyReasons;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Routing;

namespace Parley.Server.Application.Agents;

/// <summary>
/// The agent's own commands and queries — routing sign-in and state, offers, end and wrap-up, the work in hand — shared
/// by the REST API (<c>/api/v1/agents/me</c>, <c>/api/v1/interactions/{id}/…</c>) and the web workspace. Every call
/// takes the acting principal and checks here, not in the caller: the actor holds <c>agent.self</c>, is a user linked
/// to an agent, works in the unit of work's tenant, and touches only interactions of that tenant offered to or handled
/// by them (anything else answers not found). Writes describe themselves on the scope's <see cref="AuditScope"/>.
/// </summary>
internal sealed partial class AgentWorkspace(ParleyDbContext db, RoutingGateway routing, TenantContext tenant, AuditScope audit, TimeProvider time)
{
    /// <summary>The calling agent's profile, live state and the tenant's not-ready reasons.</summary>
    public async Task<AppResult<AgentSelfView>> GetMeAsync(CurrentActor actor, CancellationToken ct)
    {
        if (await AgentOfAsync(actor, ct) is not { } agent)
        {
            return Refusal(actor);
        }

        return AppResult<AgentSelfView>.Ok(new AgentSelfView(AgentDto.From(agent), await routing.Grain.GetAgent(Key(agent)), await NotReadyReasonsAsync(ct)));
    }

    /// <summary>Whether the calling agent's phone can ring now (routing offers voice only then), in a line for them.</summary>
    public async Task<AppResult<PhoneStatus>> GetPhoneStatusAsync(CurrentActor actor, CancellationToken ct) =>
        await AgentOfAsync(actor, ct) is { } agent
            ? AppResult<PhoneStatus>.Ok(await PhoneStatus.ReadAsync(db, AgentDto.From(agent).Phone, time.GetUtcNow(), ct))
            : Refusal(actor);

    public async Task<IReadOnlyList<NotReadyReasonDto>> NotReadyReasonsAsync(CancellationToken ct) =>
        (await db.NotReadyReasons.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct)).Select(NotReadyReasonDto.From).ToArray();

    /// <summary>Signs the agent in to routing: available, or not ready with <paramref name="reason"/>.</summary>
    public async Task<AppResult<AgentView>> SignInAsync(CurrentActor actor, string? reason, CancellationToken ct)
    {
        if (await AgentOfAsync(actor, ct) is not { } agent)
        {
            return Refusal(actor);
        }

        if (reason is not null && await AgentStateCommands.CheckReasonAsync(reason, db, ct) is { } invalid)
        {
            return invalid;
        }

        audit.Target("agent", agent.Id).Describe("signed in" + (reason is null ? "" : $" not ready ({reason})"));
        return await AgentStateCommands.ViewAfterAsync(routing.Grain, Key(agent), await routing.Grain.SignIn(Key(agent), reason));
    }

    /// <summary>Signs the agent out of routing (after the work in hand, if any).</summary>
    public async Task<AppResult<AgentView>> SignOutAsync(CurrentActor actor, CancellationToken ct)
    {
        if (await AgentOfAsync(actor, ct) is not { } agent)
        {
            return Refusal(actor);
        }

        audit.Target("agent", agent.Id).Describe("signed out");
        return await AgentStateCommands.ViewAfterAsync(routing.Grain, Key(agent), await routing.Grain.SignOut(Key(agent), forced: false));
    }

    /// <summary>Selects <c>Available</c>, <c>NotReady</c> (with a reason code) or <c>LoggedOut</c>.</summary>
    public async Task<AppResult<AgentView>> SetStateAsync(CurrentActor actor, string state, string? reason, CancellationToken ct)
    {
        if (await AgentOfAsync(actor, ct) is not { } agent)
        {
            return Refusal(actor);
        }

        audit.Target("agent", agent.Id).Describe($"selected {state}{(reason is null ? "" : $" ({reason})")}");
        return await AgentStateCommands.SelectAsync(routing.Grain, agent.Id, state, reason, forced: false, db, ct);
    }

    /// <summary>
    /// The agent of <paramref name="actor"/>, or null when the actor may not use the workspace (no <c>agent.self</c>, an
    /// API client, a user without an agent). Binds the unit of work to the actor's tenant first.
    /// </summary>
    private async Task<Agent?> AgentOfAsync(CurrentActor actor, CancellationToken ct)
    {
        if (!actor.Permissions.Contains(Permissions.AgentSelf) || actor.ActorType != ParleyClaims.ActorUser || !Guid.TryParse(actor.ActorId, out var userId))
        {
            return null;
        }

        tenant.Set(actor.TenantId);
        return await db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId, ct);
    }

    private static AppError Refusal(CurrentActor actor) =>
        actor.Permissions.Contains(Permissions.AgentSelf) ? AppError.NotFound() : AppError.Forbidden(Permissions.AgentSelf);

    private static string Key(Agent agent) => RoutingDefinitions.Key(agent.Id);
}
