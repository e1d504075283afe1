using Parley.Server.Tenants;
using Parley.Voice.Calls.Outbound;

namespace Parley.Server.Application.Calls;

/// <summary>
/// Reports how calls agents placed settled, as <see cref="CallEvents"/> do: <c>call.connected</c> once both sides talk (the
/// workspace shows the call's controls then, not at the next refresh) and <c>call.not-connected</c> with the record's
/// <c>cause</c> and, where the agent can act on it, a <c>reason</c> in words (<see cref="PlacedCallCauses"/>), which the
/// workspace shows.
/// </summary>
internal sealed class PlacedCallEvents(OutboundCalls calls, CallEvents events, IServiceScopeFactory scopes, ILogger<PlacedCallEvents> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        calls.Settled += OnSettled;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        calls.Settled -= OnSettled;
        return Task.CompletedTask;
    }

    private void OnSettled(PlacedCallOutcome outcome) => _ = PublishAsync(outcome);

    private async Task PublishAsync(PlacedCallOutcome outcome)
    {
        try
        {
            await using var scope = scopes.OpenTenant(outcome.TenantId, out var db);
            var data = new Dictionary<string, object?> { ["interactionId"] = outcome.InteractionId, ["to"] = outcome.Destination };
            if (outcome.FailureCause is { } cause)
            {
                data["cause"] = cause;
                data["reason"] = PlacedCallCauses.Describe(cause, outcome.Destination);
            }

            var type = outcome.Connected ? "call.connected" : "call.not-connected";
            await events.PublishAsync(db, outcome.TenantId, outcome.AgentId, outcome.CallId, type, data, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Logging.Log.RoutingDispatchFailed(logger, exception, outcome.TenantId, 1);
        }
    }
}
