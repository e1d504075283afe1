using Parley.Data;
using Parley.Server.Tenants;
using Parley.Voice.Calls;
using Parley.Voice.Calls.Control;
using Parley.Voice.Calls.Outbound;

namespace Parley.Server.Application.Calls;

/// <summary>
/// Reports what happens to calls outside the API's commands, as <see cref="CallEvents"/> do (webhooks, the agent's and
/// the supervisors' live views):
/// <list type="bullet">
/// <item>what agents' phones do to their calls (re-INVITE hold and resume, blind REFER), with the same events as the API's
/// commands and <c>data.from</c> <c>phone</c>, so a supervisor sees a call put on hold from a desk phone as one put on hold
/// from the workspace;</item>
/// <item>how calls agents placed settled: <c>call.connected</c> once both sides talk (the workspace shows the call's
/// controls then, not at the next refresh) and <c>call.not-connected</c> with the record's <c>cause</c> and, where the
/// agent can act on it, a <c>reason</c> in words (<see cref="PlacedCallCauses"/>), which the workspace shows.</item>
/// </list>
/// </summary>
internal sealed class CallActivityEvents(
    InboundCalls inbound, OutboundCalls placed, CallEvents events, IServiceScopeFactory scopes, ILogger<CallActivityEvents> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        inbound.PhoneActed += OnPhoneActed;
        placed.Settled += OnSettled;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        inbound.PhoneActed -= OnPhoneActed;
        placed.Settled -= OnSettled;
        return Task.CompletedTask;
    }

    private void OnPhoneActed(PhoneAction action)
    {
        var (type, data) = CallActionEvent.Of(action.Command, action.Result);
        var body = new Dictionary<string, object?>(data ?? new Dictionary<string, object?>()) { ["from"] = "phone" };
        _ = PublishAsync(action.TenantId, action.AgentId, action.CallId, type, body);
    }

    private void OnSettled(PlacedCallOutcome outcome)
    {
        var data = new Dictionary<string, object?> { ["interactionId"] = outcome.InteractionId, ["to"] = outcome.Destination };
        if (outcome.FailureCause is { } cause)
        {
            data["cause"] = cause;
            data["reason"] = PlacedCallCauses.Describe(cause, outcome.Destination);
        }

        _ = PublishAsync(outcome.TenantId, outcome.AgentId, outcome.CallId, outcome.Connected ? "call.connected" : "call.not-connected", data);
    }

    private async Task PublishAsync(Guid tenantId, Guid agentId, Guid callId, string type, Dictionary<string, object?> data)
    {
        try
        {
            await using var scope = scopes.OpenTenant(tenantId, out ParleyDbContext db);
            await events.PublishAsync(db, tenantId, agentId, callId, type, data, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Logging.Log.RoutingDispatchFailed(logger, exception, tenantId, 1);
        }
    }
}
