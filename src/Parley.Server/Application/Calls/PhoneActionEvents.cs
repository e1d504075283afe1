using Parley.Data;
using Parley.Server.Tenants;
using Parley.Voice.Calls;
using Parley.Voice.Calls.Control;

namespace Parley.Server.Application.Calls;

/// <summary>
/// Reports what agents' phones do to their calls (re-INVITE hold and resume, blind REFER) with the same events as the API's
/// commands (<see cref="CallEvents"/>: webhooks, the agent's and the supervisors' live views), so a supervisor sees a call
/// put on hold from a desk phone as one put on hold from the workspace.
/// </summary>
internal sealed class PhoneActionEvents(InboundCalls calls, CallEvents events, IServiceScopeFactory scopes, ILogger<PhoneActionEvents> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        calls.PhoneActed += OnPhoneActed;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        calls.PhoneActed -= OnPhoneActed;
        return Task.CompletedTask;
    }

    private void OnPhoneActed(PhoneAction action) => _ = PublishAsync(action);

    private async Task PublishAsync(PhoneAction action)
    {
        try
        {
            await using var scope = scopes.OpenTenant(action.TenantId, out var db);
            var (type, data) = CallActionEvent.Of(action.Command, action.Result);
            var body = new Dictionary<string, object?>(data ?? new Dictionary<string, object?>()) { ["from"] = "phone" };
            await events.PublishAsync(db, action.TenantId, action.AgentId, action.CallId, type, body, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Logging.Log.RoutingDispatchFailed(logger, exception, action.TenantId, 1);
        }
    }
}
