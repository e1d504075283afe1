using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Parley.Voice.Calls.Ports;
using Parley.Voice.Records;

namespace Parley.Voice.Calls.Outbound;

/// <summary>
/// Callbacks offered by flows (<c>offerCallback</c>): each is an ACD interaction (channel Voice, attribute
/// <c>kind=callback</c>) waiting in its queue with the caller's place and number, stored by routing like any other, so it
/// survives a restart (<see cref="ResumeAsync"/> listens again). When routing offers it to an agent, in preview mode the
/// agent's phone rings; answering takes the offer and Parley calls the customer through the tenant's trunk and bridges
/// them (<see cref="OutboundCall"/>), and a phone that does not answer is a missed offer the callback waits on after. In
/// customer-first mode Parley takes the offer for the agent, calls the customer, and rings the agent once they answer.
/// A customer who does not answer (busy, no answer) gets another attempt later (<see cref="CallbackScheduleOptions"/>),
/// stored through <see cref="ICallbackSchedule"/>.
/// </summary>
public sealed class Callbacks : ICallbacks
{
    private readonly OutboundCalls _calls;
    private readonly ICallRouting _routing;
    private readonly IAgentPhones _phones;
    private readonly IOutboundTrunks _trunks;
    private readonly ICallbackSchedule? _schedule;
    private readonly CallbackScheduleOptions _retry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<Guid, PendingCallback> _pending = new();

    public Callbacks(
        OutboundCalls calls, ICallRouting routing, IAgentPhones phones, IOutboundTrunks trunks, ILoggerFactory loggers,
        ICallbackSchedule? schedule = null, CallbackScheduleOptions? retry = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        _schedule = schedule;
        _retry = retry ?? new CallbackScheduleOptions();
        _time = time ?? TimeProvider.System;
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
        var interactionId = request.InteractionId ?? Guid.CreateVersion7();
        var pending = new PendingCallback(this, request.TenantId, interactionId, null, request.Number, request.CalledNumber, request.Attempt)
        {
            CallId = request.CallId,
            Mode = request.Mode,
        };
        if (!_pending.TryAdd(interactionId, pending))
        {
            return CallQueueResult.Refused("duplicate");
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CallbackAttributes.Kind] = CallbackAttributes.Callback,
            [CallbackAttributes.Number] = request.Number,
            [CallbackAttributes.Attempt] = request.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["calledNumber"] = request.CalledNumber ?? string.Empty,
            ["callId"] = request.CallId.ToString(),
            [CallbackAttributes.Mode] = CallbackAttributes.ModeName(request.Mode),
        };
        var result = await _routing.EnqueueAsync(
            new CallQueueRequest(request.TenantId, interactionId, request.Queue, 0, attributes, EnqueuedAt: request.WaitingSince, Deferred: true), pending, cancellationToken).ConfigureAwait(false);
        if (result.Queued)
        {
            pending.QueueId = result.QueueId;
            if (request.CallId == Guid.Empty)
            {
                OutboundLog.OrderedCallbackQueued(_logger, interactionId, result.QueueName ?? request.Queue);
            }
            else
            {
                OutboundLog.CallbackQueued(_logger, interactionId, request.CallId, result.QueueName ?? request.Queue);
            }
        }
        else
        {
            _pending.TryRemove(interactionId, out _);
        }

        return result;
    }

    /// <summary>Listens again for a callback queued before this node restarted; false when routing no longer has it.</summary>
    public async ValueTask<bool> ResumeAsync(
        Guid tenantId, Guid interactionId, Guid queueId, string number, string? calledNumber, int attempt, Guid callId,
        CallbackMode mode = CallbackMode.Preview, CancellationToken cancellationToken = default)
    {
        var pending = new PendingCallback(this, tenantId, interactionId, queueId, number, calledNumber, attempt) { CallId = callId, Mode = mode };
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
            var call = _calls.StartCallback(dial, pending.InteractionId, expiresAt, pending.Mode);
            pending.Call = call;
            _ = call.Completion.ContinueWith(_ => Finished(pending, call), TaskScheduler.Default);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            OutboundLog.Failed(_logger, pending.InteractionId, ex);
        }
    }

    /// <summary>
    /// A ringing or talking attempt is over: accepted callbacks are done (and tried again later when the customer did not
    /// answer); a missed one waits for the next offer.
    /// </summary>
    private void Finished(PendingCallback pending, OutboundCall call)
    {
        pending.Call = null;
        if (call.Accepted)
        {
            Forget(pending);
            if (call.CustomerNotReached is { } cause && CallbackScheduleOptions.Retryable(cause) && pending.Attempt < _retry.MaxAttempts && _schedule is not null)
            {
                _ = ScheduleRetryAsync(pending, cause);
            }
        }
    }

    private async Task ScheduleRetryAsync(PendingCallback pending, string cause)
    {
        try
        {
            var dueAt = _time.GetUtcNow() + _retry.RetryDelay;
            var next = new CallbackRequest(pending.TenantId, pending.QueueId?.ToString() ?? string.Empty, pending.Number, pending.CallId, pending.CalledNumber, null)
            {
                InteractionId = Guid.CreateVersion7(),
                Attempt = pending.Attempt + 1,
                Mode = pending.Mode,
            };
            await _schedule!.ScheduleAsync(next, dueAt).ConfigureAwait(false);
            OutboundLog.CallbackRetryScheduled(_logger, pending.InteractionId, cause, next.Attempt, dueAt);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            OutboundLog.Failed(_logger, pending.InteractionId, ex);
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
