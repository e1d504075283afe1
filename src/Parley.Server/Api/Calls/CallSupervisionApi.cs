using Parley.Domain.Security;
using Parley.Server.Application;
using Parley.Server.Application.Calls;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.Calls;

/// <summary>
/// A supervisor on a live call (permission <c>calls.monitor</c>) through <see cref="CallSupervision"/>, and the agent's
/// conference (<c>agent.self</c>) through <see cref="CallControl"/>: <c>/api/v1/calls/{id}/monitor</c> (POST joins in a
/// mode once the supervisor's phone answers, PUT switches the mode, DELETE leaves), <c>…/intercept</c>, <c>…/release</c>,
/// <c>…/parties</c> (POST adds an agent or a number once answered, DELETE <c>…/parties/{legId}</c> removes one) and
/// <c>…/leave</c> (the agent leaves the conference), and the agent's consult transfer (<c>…/consult</c>,
/// <c>…/consult/complete</c>, <c>…/consult/cancel</c>). Another tenant's call answers 404; a call not connected now 409.
/// </summary>
public static class CallSupervisionApi
{
    public static RouteGroupBuilder MapCallSupervisionApi(this RouteGroupBuilder api)
    {
        var calls = api.MapGroup("/calls/{id:guid}").WithTags("Calls");
        Supervisor(calls.MapPost("/monitor", async (Guid id, MonitorRequest body, HttpContext http, CallSupervision supervision, CancellationToken ct) =>
            (await supervision.MonitorAsync(CurrentActor.Require(http.User), id, body.Mode, ct)).ToHttp(TypedResults.Ok)),
            "calls.monitor", "Ring the supervisor's phone and join the call as listen, whisper or barge once it answers")
            .Produces<MonitorJoined>().ProducesValidationProblem();
        Supervisor(calls.MapPut("/monitor", async (Guid id, MonitorRequest body, HttpContext http, CallSupervision supervision, CancellationToken ct) =>
            (await supervision.SetModeAsync(CurrentActor.Require(http.User), id, body.Mode, ct)).ToHttp()),
            "calls.monitor.mode", "Switch the supervisor's mode live").ProducesValidationProblem();
        Supervisor(calls.MapDelete("/monitor", async (Guid id, HttpContext http, CallSupervision supervision, CancellationToken ct) =>
            (await supervision.LeaveAsync(CurrentActor.Require(http.User), id, ct)).ToHttp()),
            "calls.monitor.leave", "The supervisor leaves the call");
        Supervisor(calls.MapPost("/intercept", async (Guid id, HttpContext http, CallSupervision supervision, CancellationToken ct) =>
            (await supervision.InterceptAsync(CurrentActor.Require(http.User), id, ct)).ToHttp()),
            "calls.intercept", "The joined supervisor takes the customer; the agent goes to wrap-up");
        Supervisor(calls.MapPost("/release", async (Guid id, HttpContext http, CallSupervision supervision, CancellationToken ct) =>
            (await supervision.ReleaseAsync(CurrentActor.Require(http.User), id, ct)).ToHttp()),
            "calls.release", "End the call: every leg is released");

        Agent(calls.MapPost("/parties", async (Guid id, CallTransferBody body, HttpContext http, CallControl control, CancellationToken ct) =>
            (await control.AddPartyAsync(CurrentActor.Require(http.User), id, body.To ?? new CallTransferRequest(null, null, null, null), ct))
                .ToHttp(added => TypedResults.Created($"/api/v1/calls/{id}/parties/{added.LegId}", added))),
            "calls.party.add", "Conference: ring an agent or a number and mix them in once answered")
            .Produces<PartyAdded>(StatusCodes.Status201Created).ProducesValidationProblem();
        Agent(calls.MapDelete("/parties/{legId:guid}", async (Guid id, Guid legId, HttpContext http, CallControl control, CancellationToken ct) =>
            (await control.RemovePartyAsync(CurrentActor.Require(http.User), id, legId, ct)).ToHttp()),
            "calls.party.remove", "Conference: end one added party's leg");
        Agent(calls.MapPost("/leave", async (Guid id, HttpContext http, CallControl control, CancellationToken ct) =>
            (await control.LeaveAsync(CurrentActor.Require(http.User), id, ct)).ToHttp()),
            "calls.leave", "The agent leaves the conference (wrap-up); the others keep talking");
        Agent(calls.MapPost("/consult", async (Guid id, CallTransferBody body, HttpContext http, CallControl control, CancellationToken ct) =>
            (await control.ConsultAsync(CurrentActor.Require(http.User), id, body.To ?? new CallTransferRequest(null, null, null, null), ct))
                .ToHttp(added => added.LegId is null
                    ? TypedResults.Accepted((string?)null, added)
                    : TypedResults.Created($"/api/v1/calls/{id}/parties/{added.LegId}", added))),
            "calls.consult", "Consult transfer: the customer on hold, ring an agent or a number (or queue for an agent) and talk to them once answered")
            .Produces<PartyAdded>(StatusCodes.Status201Created).Produces<PartyAdded>(StatusCodes.Status202Accepted).ProducesValidationProblem();
        Agent(calls.MapPost("/consult/complete", async (Guid id, HttpContext http, CallControl control, CancellationToken ct) =>
            (await control.CompleteConsultAsync(CurrentActor.Require(http.User), id, ct)).ToHttp()),
            "calls.consult.complete", "Hand the customer to the consulted party (the agent goes to wrap-up)");
        Agent(calls.MapPost("/consult/cancel", async (Guid id, HttpContext http, CallControl control, CancellationToken ct) =>
            (await control.CancelConsultAsync(CurrentActor.Require(http.User), id, ct)).ToHttp()),
            "calls.consult.cancel", "End the consultation; the customer comes back to the agent");
        return api;
    }

    private static RouteHandlerBuilder Supervisor(RouteHandlerBuilder endpoint, string action, string summary) =>
        Common(endpoint.RequirePermission(Permissions.CallsMonitor), action, summary);

    private static RouteHandlerBuilder Agent(RouteHandlerBuilder endpoint, string action, string summary) =>
        Common(endpoint.RequirePermission(Permissions.AgentSelf), action, summary);

    private static RouteHandlerBuilder Common(RouteHandlerBuilder endpoint, string action, string summary) =>
        endpoint.Audited(action).WithSummary(summary)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
