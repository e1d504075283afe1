using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Parley.Voice.Calls.Ports;
using Parley.Voice.Records;

namespace Parley.Voice.Calls.Outbound;

/// <summary>
/// Callbacks offered by flows (<c>offerCallback</c>): each is an ACD interaction (channel Voice, attribute
/// <c>kind=callback</c>) waiting in its queue with the caller's place and number, stored by routing like any other, so it
/// survives a restart (<see cref="ResumeAsync"/> listens again). When routing offers it to an agent, the agent's phone
/// rings (preview: agent first); answering takes the offer and Parley calls the customer through the tenant's trunk and
/// bridges them (<see cref="OutboundCall"/>). A phone that does not answer is a missed offer and the callback waits on.
/// </summary>
public sealed class Callbacks : ICallbacks
{
    private readonly OutboundCalls _calls;
    private readonly ICallRouting _routing;
    private readonly IAgentPhones _phones;
    private readonly IOutboundTrunks _trunks;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<Guid, PendingCallback> _pending = new();

    public Callbacks(OutboundCalls calls, ICallRouting routing, IAgentPhones phones, IOutboundTrunks trunks, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        _calls = calls;
        _routing = routing;
        _phones = phones;
        _trunks = trunks;
        _logger = loggers.CreateLogger<Callbacks>();
    }

    /// <summary>Callbacks this node listens for (waiting, or being called back).</summary>
    public int Pending => _pending.Count;

    public async ValueTask<CallQueueResult> RequestAsync(CallbackRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var interactionId = Guid.CreateVersion7();
        var pending = new PendingCallback(this, request.TenantId, interactionId, null, request.Number, request.CalledNumber);
        _pending[interactionId] = pending;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CallbackAttributes.Kind] = CallbackAttributes.Callback,
            [CallbackAttributes.Number] = request.Number,
            ["calledNumber"] = request.CalledNumber ?? string.Empty,
            ["callId"] = request.CallId.ToString(),
        };
        var result = await _routing.EnqueueAsync(
            new CallQueueRequest(request.TenantId, interactionId, request.Queue, 0, attributes, EnqueuedAt: request.WaitingSince), pending, cancellationToken).ConfigureAwait(false);
        if (result.Queued)
        {
            pending.QueueId = result.QueueId;
            OutboundLog.CallbackQueued(_logger, interactionId, request.CallId, result.QueueName ?? request.Queue);
        }
        else
        {
            _pending.TryRemove(interactionId, out _);
        }

        return result;
    }

    /// <summary>Listens again for a callback queued before this node restarted; false when routing no longer has it.</summary>
    public async ValueTask<bool> ResumeAsync(Guid tenantId, Guid interactionId, Guid queueId, string number, string? calledNumber, CancellationToken cancellationToken = default)
    {
        var pending = new PendingCallback(this, tenantId, interactionId, queueId, number, calledNumber);
        if (!_pending.TryAdd(interactionId, pending))
        {
            return true;
        }

        if (await _routing.WatchAsync(tenantId, interactionId, pending, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        _pending.TryRemove(interactionId, out _);
        return false;
    }

    /// <summary>Routing offers the callback to <paramref name="agentId"/>: ring their phone, then call the customer.</summary>
    internal void Offered(PendingCallback pending, Guid agentId, DateTimeOffset expiresAt) => _ = OfferedAsync(pending, agentId, expiresAt);

    internal void Ended(PendingCallback pending)
    {
        if (pending.Call is null)
        {
            Forget(pending);
        }
    }

    private async Task OfferedAsync(PendingCallback pending, Guid agentId, DateTimeOffset expiresAt)
    {
        try
        {
            if (pending.Call is not null)
            {
                // One phone rings at a time for a callback.
                await _routing.RejectAsync(pending.TenantId, pending.InteractionId, agentId, missed: false).ConfigureAwait(false);
                return;
            }

            var phone = await _phones.FindAsync(pending.TenantId, agentId).ConfigureAwait(false);
            if (phone is null)
            {
                await _routing.RejectAsync(pending.TenantId, pending.InteractionId, agentId, missed: true).ConfigureAwait(false);
                return;
            }

            var trunk = await _trunks.FindAsync(pending.TenantId, pending.Number).ConfigureAwait(false);
            if (trunk is null)
            {
                // Nobody can call the customer back: the callback is given up rather than offered again and again.
                OutboundLog.CallbackImpossible(_logger, pending.InteractionId, "no_trunk");
                await _routing.AbandonAsync(pending.TenantId, pending.InteractionId).ConfigureAwait(false);
                Forget(pending);
                return;
            }

            var dial = new OutboundDial(
                pending.TenantId, agentId, null, phone, pending.QueueId ?? Guid.Empty,
                new OutboundDestination.Number(pending.Number, trunk, trunk.CallerIdFor(pending.CalledNumber, pending.CalledNumber)));
            var call = _calls.StartCallback(dial, pending.InteractionId, expiresAt);
            pending.Call = call;
            _ = call.Completion.ContinueWith(_ => Finished(pending, call), TaskScheduler.Default);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            OutboundLog.Failed(_logger, pending.InteractionId, ex);
        }
    }

    /// <summary>A ringing or talking attempt is over: accepted callbacks are done; a missed one waits for the next offer.</summary>
    private void Finished(PendingCallback pending, OutboundCall call)
    {
        pending.Call = null;
        if (call.Accepted)
        {
            Forget(pending);
        }
    }

    private void Forget(PendingCallback pending)
    {
        if (_pending.TryRemove(pending.InteractionId, out _))
        {
            _ = _routing.ForgetAsync(pending.TenantId, pending.InteractionId).AsTask();
        }
    }
}
