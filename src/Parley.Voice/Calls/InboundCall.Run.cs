using Parley.Sip.Stack;
using Parley.Voice.Calls.Ports;
using Parley.Voice.Numbers;
using Parley.Voice.Records;

namespace Parley.Voice.Calls;

internal sealed partial class InboundCall
{
    private CallQueueResult? _queue;

    /// <summary>The ACD interaction the call is in now (a breakout and a second queue make a new one).</summary>
    private Guid InteractionId { get; set; }
    private readonly List<AgentLeg> _legs = [];
    private AgentLeg? _ringing;
    private AgentLeg? _agent;
    private AudioBridge? _bridge;

    /// <param name="adopted">A placed call taken over connected (<see cref="StartAdopted"/>): no flow, no queue wait first.</param>
    private async Task RunAsync(Guid? targetId, InboundTargetKind targetKind, bool adopted = false)
    {
        try
        {
            await SaveAsync().ConfigureAwait(false);
            await SaveCallerLegAsync().ConfigureAwait(false);
            if (adopted)
            {
                await BridgeAdoptedAsync().ConfigureAwait(false);
            }

            var queued = adopted ? _queue : targetKind switch
            {
                InboundTargetKind.Queue when targetId is { } queueId => await EnqueueAsync(queueId.ToString(), 0, []).ConfigureAwait(false),
                InboundTargetKind.Flow when targetId is { } flowId => await RunFlowAsync(flowId).ConfigureAwait(false),
                _ => null,
            };
            // An adopted call is bridged already: its mailbox releases it even if the customer hung up meanwhile.
            var connected = adopted;
            while (queued is { Queued: true } && (connected || !_life.IsCancellationRequested) && await ConnectAsync(waitFirst: !connected).ConfigureAwait(false) is { } breakoutFlow)
            {
                connected = false;
                queued = await RunFlowAsync(breakoutFlow).ConfigureAwait(false);
            }

            if (_outside is not null)
            {
                await TalkOutsideAsync().ConfigureAwait(false);
            }
            else if (queued is { Queued: true } && _life.IsCancellationRequested && _record.EndedAt is null && _record.ReleaseCause is null)
            {
                await ReleaseWaitingAsync(CustomerHangUpCause, CustomerParty).ConfigureAwait(false);
            }
            else if (queued is not { Queued: true })
            {
                await EndUnqueuedAsync(queued).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_life.IsCancellationRequested && _record.AnsweredAt is null && _record.ReleaseCause is null)
        {
            // The caller hung up while a routing command was still waiting for its tenant's grain (moving to a surviving node).
            var queued = _queue is { Queued: true };
            _record = _record with
            {
                Disposition = queued ? CallDisposition.AbandonedInQueue : CallDisposition.AbandonedInIvr,
                ReleaseCause = CustomerHangUpCause,
                ReleasedBy = CustomerParty,
            };
            if (queued)
            {
                await TryAsync(() => _services.Routing.AbandonAsync(TenantId, InteractionId).AsTask()).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            CallLog.CallFailed(_services.Logger, Id, Dialog.CallId, ex);
            _record = _record with { ReleaseCause = _record.ReleaseCause ?? "error", ReleasedBy = _record.ReleasedBy ?? CallParty.System };
            await HangUpCallerAsync().ConfigureAwait(false);
            if (_queue is { Queued: true } && _record.AnsweredAt is null)
            {
                await TryAsync(() => _services.Routing.AbandonAsync(TenantId, InteractionId).AsTask()).ConfigureAwait(false);
            }
        }
        finally
        {
            await CloseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Queues the call; the routing listener (this call) hears offers from then on.</summary>
    private async Task<CallQueueResult> EnqueueAsync(string queue, int priority, Dictionary<string, string> attributes, Guid? preferredAgent = null)
    {
        attributes.TryAdd("callerNumber", _record.CallerNumber ?? string.Empty);
        attributes.TryAdd("calledNumber", _record.CalledNumber ?? string.Empty);
        attributes.TryAdd(CallAttributes.SipCallId, Dialog.CallId);
        var interactionId = Guid.CreateVersion7();
        var result = await _services.Routing.EnqueueAsync(new CallQueueRequest(TenantId, interactionId, queue, priority, attributes, preferredAgent), this, _life.Token).ConfigureAwait(false);
        if (result.Queued)
        {
            _queue = result;
            InteractionId = interactionId;
            var now = Now; // one instant: a flow-queued call leaves the IVR when it is queued
            _record = _record with { QueuedAt = _record.QueuedAt ?? now, QueueId = result.QueueId, InteractionId = interactionId, IvrExitAt = _record.IvrExitAt ?? (_record.FlowId is null ? null : now) };
            await SaveAsync().ConfigureAwait(false);
            CallLog.Queued(_services.Logger, Id, result.QueueName ?? queue);
        }
        else
        {
            CallLog.QueueRefused(_services.Logger, Id, queue, result.Refusal ?? "refused");
        }

        return result;
    }

    /// <summary>The flow ended the call, or the queue refused it: Parley hangs up.</summary>
    private async Task EndUnqueuedAsync(CallQueueResult? refused)
    {
        if (_life.IsCancellationRequested)
        {
            _record = _voicemailAt is null
                ? _record with { Disposition = CallDisposition.AbandonedInIvr, ReleaseCause = CustomerHangUpCause, ReleasedBy = CustomerParty }
                : _record with { Disposition = CallDisposition.Voicemail, ReleaseCause = "voicemail", ReleasedBy = CustomerParty };
            return;
        }

        _record = refused is { Queued: false }
            ? _record with { Disposition = CallDisposition.NotAnswered, ReleaseCause = "queue_" + refused.Refusal, ReleasedBy = CallParty.System }
            : _record with
            {
                Disposition = _record.Disposition ?? CallDisposition.EndedByFlow,
                ReleaseCause = _record.ReleaseCause ?? "flow_end",
                ReleasedBy = CallParty.System,
            };
        await HangUpCallerAsync().ConfigureAwait(false);
    }

    private async Task HangUpCallerAsync()
    {
        try
        {
            await Dialog.ByeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            // The caller is already gone.
        }
    }

    /// <summary>Releases everything the call holds and closes its records (called once, at the very end).</summary>
    private async Task CloseAsync()
    {
        StopMedia();
        if (_members.Count > 0 || _joining.Count > 0)
        {
            await TryAsync(() => ReleaseMembersAsync(_record.ReleaseCause ?? "normal")).ConfigureAwait(false);
        }

        await TryAsync(WithdrawQueuedConsultAsync).ConfigureAwait(false);
        foreach (var routed in _routedLegs.Keys.ToList())
        {
            await TryAsync(() => EndRoutedLegAsync(routed)).ConfigureAwait(false);
        }

        await FinishRecordingAsync().ConfigureAwait(false);
        foreach (var leg in _legs)
        {
            // Every leg this call rang, including ones whose outcome arrived after the call was over.
            leg.Cancel();
            if (leg.Dialog is { } dialog)
            {
                _services.Owner.DetachAgentLeg(dialog);
                _services.Dialogs.TryRemove(dialog, out _);
            }

            await leg.DisposeAsync().ConfigureAwait(false);
        }

        await StopWaitingAsync().ConfigureAwait(false);

        // Media first (idempotent): the RTP ports go back to the pool before routing and the records are awaited.
        await Session.DisposeAsync().ConfigureAwait(false);
        if (_queue is { Queued: true })
        {
            await TryAsync(() => _services.Routing.ForgetAsync(TenantId, InteractionId).AsTask()).ConfigureAwait(false);
        }

        MarkEndedFromOutside();
        var now = Now;
        _record = _record with { EndedAt = now, ReleaseCause = _record.ReleaseCause ?? "normal" };
        _callerLeg = _callerLeg with { EndedAt = now, ReleaseCause = _record.ReleaseCause };
        _services.Dialogs.TryRemove(Dialog, out _);
        await TryAsync(() => SaveCallerLegAsync()).ConfigureAwait(false);
        await TryAsync(() => SaveAsync()).ConfigureAwait(false);
        _mailbox.Writer.TryComplete();
        while (_mailbox.Reader.TryRead(out var left))
        {
            RefuseControl(left);
        }

        _life.Dispose();
        CallLog.CallEnded(_services.Logger, Id, _record.ReleaseCause!, _record.Disposition?.ToString() ?? "none");
    }

    private Task SaveAsync() => _services.Records.SaveCallAsync(_record).AsTask();

    private Task SaveCallerLegAsync() => _services.Records.SaveLegAsync(_callerLeg).AsTask();

    private async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            CallLog.CleanupFailed(_services.Logger, Id, ex);
        }
    }

    private SipStack Stack => _services.Stack();
}
