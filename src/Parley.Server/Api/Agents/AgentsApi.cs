using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Domain.Security;
using Parley.Routing;
using Parley.Routing.Agents;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Supervision;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Routing;

namespace Parley.Server.Api.Agents;

/// <summary><c>/api/v1/agents</c>: agents, their skills and capacities, and supervisor-forced state changes.</summary>
public static class AgentsApi
{
    private static readonly VersionedResource<Agent, AgentDto> Agents = new("agent", "/api/v1/agents", db => db.Agents, a => a.Id, AgentDto.From);

    public static RouteGroupBuilder MapAgentsApi(this RouteGroupBuilder api)
    {
        var agents = api.MapGroup("/agents").WithTags("Agents");
        Agents.MapReads(agents, Permissions.AgentsRead, a => a.DisplayName);
        // Writes are mapped here, as method groups, so the request validation generator sees their bodies.
        agents.MapPost("/", CreateAsync).RequirePermission(Permissions.AgentsWrite).Audited("agents.create");
        agents.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.AgentsWrite).Audited("agents.update");
        agents.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.AgentsWrite).Audited("agents.delete");
        agents.MapPost("/{id:guid}/state", ForceStateAsync).RequirePermission(Permissions.AgentsStateForce).Audited("agents.state.force");
        agents.MapPost("/{id:guid}/sign-out", ForceSignOutAsync).RequirePermission(Permissions.AgentsStateForce).Audited("agents.state.force");
        agents.MapAgentSelfApi();
        return api;
    }

    private static Task<IResult> CreateAsync(
        AgentRequest request, HttpContext http, ParleyDbContext db, RoutingGateway routing, AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        var agent = new Agent { Id = Guid.CreateVersion7(), TenantId = routing.TenantId, DisplayName = "", CreatedAt = time.GetUtcNow() };
        return Agents.CreateAsync(
            db, http, audit, agent, a => AgentRequestRules.ApplyAsync(request, a, db, ct), a => $"created agent '{a.DisplayName}' ({a.Skills.Count} skills)", ct, Refresh(routing));
    }

    private static Task<IResult> UpdateAsync(
        Guid id, AgentRequest request, HttpContext http, ParleyDbContext db, RoutingGateway routing, AuditScope audit, CancellationToken ct) =>
        Agents.UpdateAsync(db, http, audit, id, a => AgentRequestRules.ApplyAsync(request, a, db, ct), a => $"updated agent '{a.DisplayName}'", ct, Refresh(routing));

    private static Task<IResult> DeleteAsync(Guid id, ParleyDbContext db, RoutingGateway routing, AuditScope audit, CancellationToken ct) =>
        Agents.DeleteAsync(db, audit, id, _ => HasWorkAsync(routing, id), a => $"deleted agent '{a.DisplayName}'", ct, Refresh(routing));

    private static async Task<IResult?> HasWorkAsync(RoutingGateway routing, Guid id) =>
        await routing.Grain.GetAgent(RoutingDefinitions.Key(id)) is { State: not AgentState.LoggedOut }
            ? RoutingProblems.From(RoutingResult.AgentHasWork)
            : null;

    /// <summary>Every change reaches the tenant's routing engine once it is saved.</summary>
    private static Func<Agent, Task> Refresh(RoutingGateway routing) => agent => routing.Grain.RefreshAgent(RoutingDefinitions.Key(agent.Id));

    private static async Task<IResult> ForceStateAsync(Guid id, AgentStateRequest request, HttpContext http, SupervisorCommands commands, CancellationToken ct) =>
        (await commands.ForceStateAsync(CurrentActor.Require(http.User), id, request.State, request.Reason, ct)).ToHttp(TypedResults.Ok);

    private static async Task<IResult> ForceSignOutAsync(Guid id, HttpContext http, SupervisorCommands commands, CancellationToken ct) =>
        (await commands.SignOutAsync(CurrentActor.Require(http.User), id, ct)).ToHttp(TypedResults.Ok);
}
