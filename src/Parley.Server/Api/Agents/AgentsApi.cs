using Parley.Data.Entities.Acd;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Application.Supervision;
using Parley.Server.Audit;
using Parley.Server.Auth;

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

    // The writes are the application layer's (AgentAdmin), shared with the admin console; REST adds If-Match and the ETag.
    private static async Task<IResult> CreateAsync(AgentRequest request, HttpContext http, AgentAdmin agents, CancellationToken ct) =>
        (await agents.CreateAsync(CurrentActor.Require(http.User), request, ct)).ToHttp(a => Tagged(http, a, TypedResults.Created($"/api/v1/agents/{a.Id}", a)));

    private static async Task<IResult> UpdateAsync(Guid id, AgentRequest request, HttpContext http, AgentAdmin agents, CancellationToken ct) =>
        IfMatch.Read(http, out var expected) ?? (await agents.UpdateAsync(CurrentActor.Require(http.User), id, expected, request, ct)).ToHttp(a => Tagged(http, a, TypedResults.Ok(a)));

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, AgentAdmin agents, CancellationToken ct) =>
        (await agents.DeleteAsync(CurrentActor.Require(http.User), id, ct)).ToHttp();

    private static IResult Tagged(HttpContext http, AgentDto agent, IResult result)
    {
        ETags.Set(http, agent.Version);
        return result;
    }

    private static async Task<IResult> ForceStateAsync(Guid id, AgentStateRequest request, HttpContext http, SupervisorCommands commands, CancellationToken ct) =>
        (await commands.ForceStateAsync(CurrentActor.Require(http.User), id, request.State, request.Reason, ct)).ToHttp(TypedResults.Ok);

    private static async Task<IResult> ForceSignOutAsync(Guid id, HttpContext http, SupervisorCommands commands, CancellationToken ct) =>
        (await commands.SignOutAsync(CurrentActor.Require(http.User), id, ct)).ToHttp(TypedResults.Ok);
}
