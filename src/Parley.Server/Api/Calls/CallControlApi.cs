using Parley.Domain.Security;
using Parley.Server.Application;
using Parley.Server.Application.Calls;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.Calls;

/// <summary>
/// <c>/api/v1/calls/{id}/…</c> for the agent the live call is bridged with (permission <c>agent.self</c>): hold, resume,
/// mute, unmute, keys, hang up and blind transfer, through <see cref="CallControl"/> as the web workspace does. Another
/// agent's call, another tenant's and a call that is over answer 404; a call not bridged now (waiting, ringing) 409.
/// </summary>
public static class CallControlApi
{
    public static RouteGroupBuilder MapCallControlApi(this RouteGroupBuilder api)
    {
        var calls = api.MapGroup("/calls/{id:guid}").WithTags("Calls");
        Command(calls.MapPost("/hold", (Guid id, HttpContext http, CallControl control, CancellationToken ct) =>
            Run(control.HoldAsync(CurrentActor.Require(http.User), id, ct))), "calls.hold", "Put the customer on hold (they hear music)");
        Command(calls.MapPost("/resume", (Guid id, HttpContext http, CallControl control, CancellationToken ct) =>
            Run(control.ResumeAsync(CurrentActor.Require(http.User), id, ct))), "calls.resume", "Take the customer off hold");
        Command(calls.MapPost("/mute", (Guid id, HttpContext http, CallControl control, CancellationToken ct) =>
            Run(control.MuteAsync(CurrentActor.Require(http.User), id, muted: true, ct))), "calls.mute", "The customer stops hearing the agent");
        Command(calls.MapPost("/unmute", (Guid id, HttpContext http, CallControl control, CancellationToken ct) =>
            Run(control.MuteAsync(CurrentActor.Require(http.User), id, muted: false, ct))), "calls.unmute", "The customer hears the agent again");
        Command(calls.MapPost("/recording/pause", (Guid id, HttpContext http, CallControl control, CancellationToken ct) =>
            Run(control.PauseRecordingAsync(CurrentActor.Require(http.User), id, paused: true, ct))), "calls.recording.pause", "The recording gets silence until resumed (the agent, or a supervisor with calls.monitor)", Permissions.CallsMonitor);
        Command(calls.MapPost("/recording/resume", (Guid id, HttpContext http, CallControl control, CancellationToken ct) =>
            Run(control.PauseRecordingAsync(CurrentActor.Require(http.User), id, paused: false, ct))), "calls.recording.resume", "The recording takes the call's audio again (the agent, or a supervisor with calls.monitor)", Permissions.CallsMonitor);
        Command(calls.MapPost("/dtmf", (Guid id, CallDigitsRequest request, HttpContext http, CallControl control, CancellationToken ct) =>
            Run(control.SendDigitsAsync(CurrentActor.Require(http.User), id, request.Digits, ct))), "calls.dtmf", "Send keys to the customer (RFC 4733)")
            .ProducesValidationProblem();
        Command(calls.MapPost("/hangup", (Guid id, HttpContext http, CallControl control, CancellationToken ct) =>
            Run(control.HangUpAsync(CurrentActor.Require(http.User), id, ct))), "calls.hangup", "End the call (the agent goes to wrap-up)");
        Command(calls.MapPost("/transfer", (Guid id, CallTransferBody body, HttpContext http, CallControl control, CancellationToken ct) =>
            Run(control.TransferAsync(CurrentActor.Require(http.User), id, body.To ?? new CallTransferRequest(null, null, null, null), ct))),
            "calls.transfer", "Blind transfer to a queue, an agent, a number or a flow")
            .ProducesValidationProblem();
        return api;
    }

    private static RouteHandlerBuilder Command(RouteHandlerBuilder endpoint, string action, string summary, params string[] alsoPermitted) =>
        endpoint.RequireAnyPermission([Permissions.AgentSelf, .. alsoPermitted]).Audited(action).WithSummary(summary)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> Run(Task<AppResult<Done>> command) => (await command).ToHttp();
}
