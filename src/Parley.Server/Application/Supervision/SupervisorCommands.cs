using Microsoft.EntityFrameworkCore;
using Parley.Cluster.Routing.Messages;
using Parley.Data;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Application.Agents;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Routing;

namespace Parley.Server.Application.Supervision;

/// <summary>
/// A supervisor's actions on an agent — force available, not ready with a reason, or signed out — shared by
/// <c>POST /api/v1/agents/{id}/state</c>, <c>POST /api/v1/agents/{id}/sign-out</c> and the <c>/supervisor</c> page. The actor
/// needs <c>agents.state.force</c>; another tenant's agent is not found. Work in hand finishes first (the engine applies the
/// selection after it), as for the agent's own selection. Each call describes itself for the audit entry.
/// </summary>
internal sealed class SupervisorCommands(ParleyDbContext db, RoutingGateway routing, TenantContext tenant, AuditScope audit)
{
    public async Task<AppResult<AgentView>> ForceStateAsync(CurrentActor actor, Guid agentId, string state, string? reason, CancellationToken ct)
    {
        if (!actor.Permissions.Contains(Permissions.AgentsStateForce))
        {
            return AppError.Forbidden(Permissions.AgentsStateForce);
        }

        tenant.Set(actor.TenantId);
        if (await db.Agents.AsNoTracking().Where(a => a.Id == agentId).Select(a => a.DisplayName).SingleOrDefaultAsync(ct) is not { } name)
        {
            return AppError.NotFound();
        }

        audit.Target("agent", agentId).Describe($"forced state {state}{(reason is null ? "" : $" ({reason})")} of '{name}'");
        return await AgentStateCommands.SelectAsync(routing.Grain, agentId, state, reason, forced: true, db, ct);
    }

    public Task<AppResult<AgentView>> SignOutAsync(CurrentActor actor, Guid agentId, CancellationToken ct) =>
        ForceStateAsync(actor, agentId, AgentStateCommands.LoggedOut, null, ct);
}
