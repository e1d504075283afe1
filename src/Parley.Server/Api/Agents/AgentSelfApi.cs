using Parley.Domain.Security;
using Parley.Server.Application;
using Parley.Server.Application.Agents;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.Agents;

/// <summary>
/// <c>/api/v1/agents/me</c>: the calling user's own agent — profile, live state, sign-in and state changes, work in hand, whether their phone can ring.
/// Every handler is a thin adapter over <see cref="AgentWorkspace"/>, the same code the web workspace calls.
/// </summary>
internal static class AgentSelfApi
{
    public static RouteGroupBuilder MapAgentSelfApi(this RouteGroupBuilder agents)
    {
        agents.MapGet("/me", GetAsync).RequirePermission(Permissions.AgentSelf);
        agents.MapGet("/me/interactions", WorkAsync).RequirePermission(Permissions.AgentSelf);
        agents.MapGet("/me/phone", PhoneAsync).RequirePermission(Permissions.AgentSelf);
        agents.MapPost("/me/sign-in", SignInAsync).RequirePermission(Permissions.AgentSelf).Audited("agent.sign-in");
        agents.MapPost("/me/sign-out", SignOutAsync).RequirePermission(Permissions.AgentSelf).Audited("agent.sign-out");
        agents.MapPost("/me/state", SetStateAsync).RequirePermission(Permissions.AgentSelf).Audited("agent.state");
        return agents;
    }

    private static async Task<IResult> GetAsync(HttpContext http, AgentWorkspace workspace, CancellationToken ct) =>
        (await workspace.GetMeAsync(CurrentActor.Require(http.User), ct)).ToHttp(TypedResults.Ok);

    private static async Task<IResult> WorkAsync(HttpContext http, AgentWorkspace workspace, CancellationToken ct) =>
        (await workspace.GetWorkAsync(CurrentActor.Require(http.User), ct)).ToHttp(items => TypedResults.Ok(new { items }));

    private static async Task<IResult> PhoneAsync(HttpContext http, AgentWorkspace workspace, CancellationToken ct) =>
        (await workspace.GetPhoneStatusAsync(CurrentActor.Require(http.User), ct)).ToHttp(TypedResults.Ok);

    private static async Task<IResult> SignInAsync(AgentSignInRequest request, HttpContext http, AgentWorkspace workspace, CancellationToken ct) =>
        (await workspace.SignInAsync(CurrentActor.Require(http.User), request.Reason, ct)).ToHttp(TypedResults.Ok);

    private static async Task<IResult> SignOutAsync(HttpContext http, AgentWorkspace workspace, CancellationToken ct) =>
        (await workspace.SignOutAsync(CurrentActor.Require(http.User), ct)).ToHttp(TypedResults.Ok);

    private static async Task<IResult> SetStateAsync(AgentStateRequest request, HttpContext http, AgentWorkspace workspace, CancellationToken ct) =>
        (await workspace.SetStateAsync(CurrentActor.Require(http.User), request.State, request.Reason, ct)).ToHttp(TypedResults.Ok);
}
