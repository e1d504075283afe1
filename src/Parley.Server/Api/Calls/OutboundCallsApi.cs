using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Calls;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.Calls;

/// <summary>
/// <c>POST /api/v1/calls</c>: the signed-in agent (<c>agent.self</c>) places a call to a number through the tenant's trunk
/// or to another agent's extension; Parley rings the agent's phone first. <c>202</c> with the call's ids; <c>409</c>
/// problem details with a <c>cause</c> when it cannot start; <c>400</c> for a bad destination; <c>503</c> while this node
/// drains for a restart (the call would stay on it; the client dials again, through the load balancer, on another node).
/// </summary>
public static class OutboundCallsApi
{
    public static RouteGroupBuilder MapOutboundCallsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/calls", async (DialRequest request, HttpContext http, OutboundDialing dialing, CancellationToken ct) =>
            {
                var result = await dialing.DialAsync(CurrentActor.Require(http.User), request, ct);
                if (result.Error is { Kind: AppErrorKind.Conflict, Field: { } cause } refused)
                {
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status409Conflict, title: "The call cannot be placed", detail: refused.Detail,
                        extensions: new Dictionary<string, object?> { ["cause"] = cause });
                }

                return result.ToHttp(started => TypedResults.Accepted($"/api/v1/calls/{started.CallId}", started));
            })
            .WithTags("Calls")
            .RequirePermission(Permissions.AgentSelf)
            .Audited("calls.dial")
            .WithSummary("Place a call: ring the agent's phone, then dial the number (or extension) and bridge them")
            .Produces<DialStarted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }
}
