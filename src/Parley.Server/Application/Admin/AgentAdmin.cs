using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Routing;
using Parley.Routing.Agents;
using Parley.Server.Api.Agents;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Routing;

namespace Parley.Server.Application.Admin;

/// <summary>
/// Agents for <c>/api/v1/agents</c> and the console's <c>/admin/agents</c>: list (filtered, sorted and windowed by the
/// database), read, create, update with the version read (else <see cref="AppErrorKind.Stale"/>), delete (refused while the
/// agent is signed in to routing). Needs <c>agents.read</c>/<c>agents.write</c>; another tenant's agent is not found. Every
/// saved change reaches the routing engine at once and describes itself for the audit entry.
/// </summary>
internal sealed class AgentAdmin(ParleyDbContext db, TenantContext tenant, RoutingGateway routing, AuditScope audit, TimeProvider time)
{
    /// <summary>Which of the SIP accounts <paramref name="credentialIds"/> (agents' phones) have a device registered now.</summary>
    public async Task<AppResult<HashSet<Guid>>> RegisteredPhonesAsync(CurrentActor actor, IReadOnlyCollection<Guid> credentialIds, CancellationToken ct) =>
        tenant.Require(actor, Permissions.AgentsRead) is { } refused
            ? refused
            : AppResult<HashSet<Guid>>.Ok(await Agents.PhoneStatus.RegisteredAsync(db, credentialIds, time.GetUtcNow(), ct));

    public async Task<AppResult<ListPage<AgentDto>>> ListAsync(CurrentActor actor, ListQuery query, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.AgentsRead) is { } refused)
        {
            return refused;
        }

        var rows = db.Agents.AsNoTracking();
        if (query.Needle is { } needle)
        {
            rows = rows.Where(a => a.DisplayName.ToLower().Contains(needle) || (a.Extension != null && a.Extension.Contains(needle)));
        }

        var sorted = query.Sort switch
        {
            "extension" => rows.SortBy(a => a.Extension, query.Descending).ThenBy(a => a.DisplayName),
            _ => rows.SortBy(a => a.DisplayName, query.Descending),
        };
        return AppResult<ListPage<AgentDto>>.Ok(await sorted.ToListPageAsync(query, AgentDto.From, ct));
    }

    public async Task<AppResult<AgentDto>> GetAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.AgentsRead) is { } refused)
        {
            return refused;
        }

        return await db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } agent ? AppResult<AgentDto>.Ok(AgentDto.From(agent)) : AppError.NotFound();
    }

    /// <summary>What an agent form picks from: the tenant's skills and users (by name).</summary>
    public async Task<AppResult<AgentChoices>> ChoicesAsync(CurrentActor actor, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.AgentsRead) is { } refused)
        {
            return refused;
        }

        var skills = await db.Skills.AsNoTracking().OrderBy(s => s.Name).Select(s => new Choice(s.Id, s.Name)).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).Select(u => new Choice(u.Id, u.UserName ?? "")).ToListAsync(ct);
        return AppResult<AgentChoices>.Ok(new AgentChoices(skills, users));
    }

    public async Task<AppResult<AgentDto>> CreateAsync(CurrentActor actor, AgentRequest request, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.AgentsWrite) ?? RequestChecks.Check(request)) is { } refused)
        {
            return refused;
        }

        var agent = new Agent { Id = Guid.CreateVersion7(), TenantId = actor.TenantId, DisplayName = "", CreatedAt = time.GetUtcNow() };
        if (ProblemErrors.From(await AgentRequestRules.ApplyAsync(request, agent, db, ct)) is { } invalid)
        {
            return invalid;
        }

        db.Agents.Add(agent);
        await SavedAsync(agent, ct);
        audit.Target("agent", agent.Id).Describe($"created agent '{agent.DisplayName}' ({agent.Skills.Count} skills)");
        return AppResult<AgentDto>.Ok(AgentDto.From(agent));
    }

    /// <summary>Replaces the agent if it is still at <paramref name="expectedVersion"/> (null: whatever it is now).</summary>
    public async Task<AppResult<AgentDto>> UpdateAsync(CurrentActor actor, Guid id, long? expectedVersion, AgentRequest request, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.AgentsWrite) ?? RequestChecks.Check(request)) is { } refused)
        {
            return refused;
        }

        var updated = await AdminWrites.UpdateAsync(
            db, db.Agents, a => a.Id == id, expectedVersion, async a => ProblemErrors.From(await AgentRequestRules.ApplyAsync(request, a, db, ct)), a => SavedAsync(a, ct), ct);
        return updated.Then(a => audit.Target("agent", a.Id).Describe($"updated agent '{a.DisplayName}'"), AgentDto.From);
    }

    public async Task<AppResult<Done>> DeleteAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.AgentsWrite) is { } refused)
        {
            return refused;
        }

        var deleted = await AdminWrites.DeleteAsync(db, db.Agents, a => a.Id == id, SignedInAsync, a => SavedAsync(a, ct), ct);
        return deleted.Then(a => audit.Target("agent", id).Describe($"deleted agent '{a.DisplayName}'"));

        async Task<AppError?> SignedInAsync(Agent agent) =>
            await routing.Grain.GetAgent(RoutingDefinitions.Key(agent.Id)) is { State: not AgentState.LoggedOut } ? AppError.From(RoutingResult.AgentHasWork) : null;
    }

    private async Task SavedAsync(Agent agent, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await routing.Grain.RefreshAgent(RoutingDefinitions.Key(agent.Id));
    }
}
