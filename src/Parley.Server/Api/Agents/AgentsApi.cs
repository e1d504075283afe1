using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Domain.Security;
using Parley.Routing;
using Parley.Routing.Agents;
using Parley.Server.Api.Conventions;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Routing;

namespace Parley.Server.Api.Agents;

/// <summary><c>/api/v1/agents</c>: agents, their skills and capacities, and supervisor-forced state changes.</summary>
public static class AgentsApi
{
    public static RouteGroupBuilder MapAgentsApi(this RouteGroupBuilder api)
    {
        var agents = api.MapGroup("/agents").WithTags("Agents");
        agents.MapGet("/", ListAsync).RequirePermission(Permissions.AgentsRead);
        agents.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.AgentsRead);
        agents.MapPost("/", CreateAsync).RequirePermission(Permissions.AgentsWrite).Audited("agents.create");
        agents.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.AgentsWrite).Audited("agents.update");
        agents.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.AgentsWrite).Audited("agents.delete");
        agents.MapPost("/{id:guid}/state", ForceStateAsync).RequirePermission(Permissions.AgentsStateForce).Audited("agents.state.force");
        agents.MapAgentSelfApi();
        return api;
    }

    private static Task<IResult> ListAsync(ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct) =>
        db.Agents.AsNoTracking().ToPageResultAsync(a => a.DisplayName, page, AgentDto.From, ct);

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, ParleyDbContext db, CancellationToken ct)
    {
        return await db.Agents.AsNoTracking().Where(a => a.Id == id).ToETaggedResultAsync(http, AgentDto.From, ct);
    }

    private static async Task<IResult> CreateAsync(
        AgentRequest request, HttpContext http, ParleyDbContext db, RoutingGateway routing, AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        var agent = new Agent { Id = Guid.CreateVersion7(), TenantId = routing.TenantId, DisplayName = "", CreatedAt = time.GetUtcNow() };
        if (await AgentRequestRules.ApplyAsync(request, agent, db, ct) is { } invalid)
        {
            return invalid;
        }

        db.Agents.Add(agent);
        await db.SaveChangesAsync(ct);
        await routing.Grain.RefreshAgent(RoutingDefinitions.Key(agent.Id));
        audit.Target("agent", agent.Id).Describe($"created agent '{agent.DisplayName}' ({agent.Skills.Count} skills)");
        ETags.Set(http, agent.Version);
        return TypedResults.Created($"/api/v1/agents/{agent.Id}", AgentDto.From(agent));
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, AgentRequest request, HttpContext http, ParleyDbContext db, RoutingGateway routing, AuditScope audit, CancellationToken ct)
    {
        var agent = await db.Agents.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agent is null)
        {
            return ApiProblems.NotFound();
        }

        if (ETags.CheckIfMatch(http, agent.Version) is { } precondition)
        {
            return precondition;
        }

        if (await AgentRequestRules.ApplyAsync(request, agent, db, ct) is { } invalid)
        {
            return invalid;
        }

        await db.SaveChangesAsync(ct);
        await routing.Grain.RefreshAgent(RoutingDefinitions.Key(agent.Id));
        audit.Target("agent", agent.Id).Describe($"updated agent '{agent.DisplayName}'");
        ETags.Set(http, agent.Version);
        return TypedResults.Ok(AgentDto.From(agent));
    }

    private static async Task<IResult> DeleteAsync(Guid id, ParleyDbContext db, RoutingGateway routing, AuditScope audit, CancellationToken ct)
    {
        var agent = await db.Agents.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agent is null)
        {
            return ApiProblems.NotFound();
        }

        if (await routing.Grain.GetAgent(RoutingDefinitions.Key(id)) is { State: not AgentState.LoggedOut })
        {
            return RoutingProblems.From(RoutingResult.AgentHasWork)!;
        }

        db.Agents.Remove(agent);
        await db.SaveChangesAsync(ct);
        await routing.Grain.RefreshAgent(RoutingDefinitions.Key(id));
        audit.Target("agent", agent.Id).Describe($"deleted agent '{agent.DisplayName}'");
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ForceStateAsync(
        Guid id, AgentStateRequest request, ParleyDbContext db, RoutingGateway routing, AuditScope audit, CancellationToken ct)
    {
        if (!await db.Agents.AnyAsync(a => a.Id == id, ct))
        {
            return ApiProblems.NotFound();
        }

        audit.Target("agent", id).Describe($"forced state {request.State}{(request.Reason is null ? "" : $" ({request.Reason})")}");
        return await AgentStates.SelectAsync(routing.Grain, id, request, forced: true, db, ct);
    }
}
