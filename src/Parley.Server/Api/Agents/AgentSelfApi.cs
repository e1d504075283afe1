using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Api.NotReadyReasons;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Routing;

namespace Parley.Server.Api.Agents;

/// <summary><c>/api/v1/agents/me</c>: the calling user's own agent — profile, live state, sign-in and state changes.</summary>
internal static class AgentSelfApi
{
    public static RouteGroupBuilder MapAgentSelfApi(this RouteGroupBuilder agents)
    {
        agents.MapGet("/me", GetAsync).RequirePermission(Permissions.AgentSelf);
        agents.MapPost("/me/sign-in", SignInAsync).RequirePermission(Permissions.AgentSelf).Audited("agent.sign-in");
        agents.MapPost("/me/sign-out", SignOutAsync).RequirePermission(Permissions.AgentSelf).Audited("agent.sign-out");
        agents.MapPost("/me/state", SetStateAsync).RequirePermission(Permissions.AgentSelf).Audited("agent.state");
        return agents;
    }

    /// <summary>The agent row of the calling user, or null (API clients and users who are not agents).</summary>
    public static async Task<Agent?> FindAsync(HttpContext http, ParleyDbContext db, CancellationToken ct)
    {
        var actor = CurrentActor.Require(http.User);
        return actor.ActorType == ParleyClaims.ActorUser && Guid.TryParse(actor.ActorId, out var userId)
            ? await db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId, ct)
            : null;
    }

    private static async Task<IResult> GetAsync(HttpContext http, ParleyDbContext db, RoutingGateway routing, CancellationToken ct)
    {
        if (await FindAsync(http, db, ct) is not { } agent)
        {
            return ApiProblems.NotFound();
        }

        var reasons = await db.NotReadyReasons.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);
        return TypedResults.Ok(new
        {
            agent = AgentDto.From(agent),
            state = await routing.Grain.GetAgent(RoutingDefinitions.Key(agent.Id)),
            notReadyReasons = reasons.Select(NotReadyReasonDto.From).ToArray(),
        });
    }

    private static async Task<IResult> SignInAsync(AgentSignInRequest request, HttpContext http, ParleyDbContext db, RoutingGateway routing, AuditScope audit, CancellationToken ct)
    {
        if (await FindAsync(http, db, ct) is not { } agent)
        {
            return ApiProblems.NotFound();
        }

        if (request.Reason is not null && await AgentStates.CheckReasonAsync(request.Reason, db, ct) is { } invalid)
        {
            return invalid;
        }

        var id = RoutingDefinitions.Key(agent.Id);
        audit.Target("agent", agent.Id).Describe("signed in" + (request.Reason is null ? "" : $" not ready ({request.Reason})"));
        return RoutingProblems.From(await routing.Grain.SignIn(id, request.Reason)) ?? TypedResults.Ok(await routing.Grain.GetAgent(id));
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, ParleyDbContext db, RoutingGateway routing, AuditScope audit, CancellationToken ct)
    {
        if (await FindAsync(http, db, ct) is not { } agent)
        {
            return ApiProblems.NotFound();
        }

        var id = RoutingDefinitions.Key(agent.Id);
        audit.Target("agent", agent.Id).Describe("signed out");
        return RoutingProblems.From(await routing.Grain.SignOut(id, forced: false)) ?? TypedResults.Ok(await routing.Grain.GetAgent(id));
    }

    private static async Task<IResult> SetStateAsync(AgentStateRequest request, HttpContext http, ParleyDbContext db, RoutingGateway routing, AuditScope audit, CancellationToken ct)
    {
        if (await FindAsync(http, db, ct) is not { } agent)
        {
            return ApiProblems.NotFound();
        }

        audit.Target("agent", agent.Id).Describe($"selected {request.State}{(request.Reason is null ? "" : $" ({request.Reason})")}");
        return await AgentStates.SelectAsync(routing.Grain, agent.Id, request, forced: false, db, ct);
    }
}
