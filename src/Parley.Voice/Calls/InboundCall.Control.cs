using Parley.Flows.Execution;
using Parley.Voice.Calls.Control;
using Parley.Voice.Calls.Ports;
using Parley.Voice.Records;

namespace Parley.Voice.Calls;

internal sealed partial class InboundCall
{
    private DateTimeOffset? _heldSince;
    private bool _muted;
    private Guid? _transferFlow;
    private volatile LiveCallView? _view;

    /// <summary>The call as the workspace shows it; null until an agent is bridged.</summary>
    public LiveCallView? View => _view;

    /// <summary>The agent bridged now (read from other threads to refuse commands early; the mailbox decides).</summary>
    public Guid? ConnectedAgentId => _view?.AgentId;

    /// <summary>Carries out an agent's command on the bridged call; true when the call is over.</summary>
    private async Task<bool> ControlAsync(CallSignal.Control control)
    {
        if (_agent is null || !Talking)
        {
            // Talking without an agent (they left a conference, a supervisor took the call) is no agent's call any more.
            control.Done.TrySetResult(_agent is null && Talking ? CallControlResult.NotFound : CallControlResult.NotConnected);
            return false;
        }

        if (control.AgentId != _agent.AgentId)
        {
            control.Done.TrySetResult(CallControlResult.NotFound);
            return false;
        }

        switch (control.Command)
        {
            case not (CallCommand.CompleteConsult or CallCommand.CancelConsult or CallCommand.HangUp) when Consulting:
                control.Done.TrySetResult(new CallControlResult(CallControlOutcome.Refused, "Complete or cancel the consultation first."));
                return false;
            case CallCommand.Consult consult:
                await ConsultAsync(control, consult.Target).ConfigureAwait(false);
                return false;
            case CallCommand.CompleteConsult:
                return await CompleteConsultAsync(hangUpAgent: true, control.Done).ConfigureAwait(false);
            case CallCommand.CancelConsult:
                await CancelConsultAsync(control.Done).ConfigureAwait(false);
                return false;
            case CallCommand.Hold or CallCommand.Transfer when Mixed || _joining.Count > 0:
                control.Done.TrySetResult(new CallControlResult(CallControlOutcome.Refused, "Not while other parties or a supervisor are on the call (or ringing to join)."));
                return false;
            case CallCommand.Hold:
                await HoldAsync().ConfigureAwait(false);
                break;
            case CallCommand.AddParty add:
                await AddPartyAsync(control, add.Target).ConfigureAwait(false);
                return false;
            case CallCommand.RemoveParty remove:
                return await RemovePartyAsync(control, remove.LegId).ConfigureAwait(false);
            case CallCommand.Leave:
                return await AgentLeavesAsync(hangUp: true, control.Done).ConfigureAwait(false);
            case CallCommand.Resume:
                await ResumeAsync().ConfigureAwait(false);
                break;
            case CallCommand.Mute or CallCommand.Unmute:
                _muted = control.Command is CallCommand.Mute;
                if (_bridge is not null)
                {
                    _bridge.Muted = _muted;
                }
                else
                {
                    Remix();
                }

                CallLog.Controlled(_services.Logger, Id, _agent.AgentId, _muted ? "mute" : "unmute");
                break;
            case CallCommand.SendDigits digits:
                if (!Session.SendDigits(digits.Digits))
                {
                    control.Done.TrySetResult(new CallControlResult(CallControlOutcome.Refused, "The customer's phone does not take RFC 4733 keys, or a key is not 0-9, *, #, A-D."));
                    return false;
                }

                CallLog.Controlled(_services.Logger, Id, _agent.AgentId, "dtmf");
                break;
            case CallCommand.PauseRecording or CallCommand.ResumeRecording:
                if (_recording is null)
                {
                    control.Done.TrySetResult(new CallControlResult(CallControlOutcome.Refused, "This call is not being recorded."));
                    return false;
                }

                _ = control.Command is CallCommand.PauseRecording ? PauseRecording() : ResumeRecording();
                LogRecordingControl(control.Command, _agent.AgentId);
                break;
            case CallCommand.HangUp:
                CallLog.Controlled(_services.Logger, Id, _agent.AgentId, "hangup");
                await ReleaseBridgedAsync("agent_hangup", CallParty.Agent, hangUpCaller: true, hangUpAgent: true).ConfigureAwait(false);
                control.Done.TrySetResult(CallControlResult.Done);
                return true;
            case CallCommand.Transfer transfer:
                CallLog.Controlled(_services.Logger, Id, _agent.AgentId, "transfer " + transfer.Target);
                return await TransferAsync(transfer.Target, control.Done, control.FromRefer).ConfigureAwait(false);
        }

        Publish();
        control.Done.TrySetResult(CallControlResult.Done);
        return false;
    }

    /// <summary>Logs a recording pause or resume under whoever asked: the supervisor when one did, else the agent.</summary>
    private void LogRecordingControl(CallCommand command, Guid agentId)
    {
        var (action, supervisorId) = command switch
        {
            CallCommand.PauseRecording pause => ("recording pause", pause.SupervisorId),
            CallCommand.ResumeRecording resume => ("recording resume", resume.SupervisorId),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };
        if (supervisorId is { } supervisor)
        {
            CallLog.Supervised(_services.Logger, Id, supervisor, action);
        }
        else
        {
            CallLog.Controlled(_services.Logger, Id, agentId, action);
        }
    }

    private async Task HoldAsync()
    {
        if (_heldSince is not null)
        {
            return;
        }

        _bridge!.Held = true;
        try
        {
            Session.Play(await _services.Audio.OpenMusicOnHoldAsync(TenantId, _waitSettings?.MusicOnHoldPromptId, _life.Token).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            CallLog.MusicUnavailable(_services.Logger, Id, ex);
        }

        _heldSince = Now;
        _record = _record with { HoldCount = _record.HoldCount + 1 };
        CallLog.Controlled(_services.Logger, Id, _agent!.AgentId, "hold");
        await SaveAsync().ConfigureAwait(false);
    }

    private async Task ResumeAsync()
    {
        if (_heldSince is null)
        {
            return;
        }

        Session.Play(null);
        _bridge!.Held = false;
        EndHold();
        CallLog.Controlled(_services.Logger, Id, _agent!.AgentId, "resume");
        await SaveAsync().ConfigureAwait(false);
    }

    /// <summary>Adds the hold in progress (if any) to the record's hold time.</summary>
    private void EndHold()
    {
        if (_heldSince is { } since)
        {
            _record = _record with { HoldDuration = _record.HoldDuration + (Now - since) };
            _heldSince = null;
        }
    }

    /// <summary>
    /// Blind transfer: the agent's leg ends and the agent goes to wrap-up; the customer is queued again, rung through to a
    /// number, or run through a flow. The agent's request is answered once their leg is released; true when the call
    /// leaves the queue phase (a number answered, a flow to run, or the transfer failed and the call is over).
    /// </summary>
    private async Task<bool> TransferAsync(CallTransferTarget target, TaskCompletionSource<CallControlResult> done, bool fromRefer)
    {
        var agentQueue = QueueToFindAgentsThrough();
        if (target is CallTransferTarget.Agent && agentQueue is null)
        {
            done.TrySetResult(new CallControlResult(CallControlOutcome.Refused,
                "A transfer to an agent goes through the call's queue, and this call never waited in one: transfer it to a queue or a number instead."));
            return false;
        }

        // A number that no trunk may call is refused before the agent's leg goes: the agent and the customer keep talking.
        OutboundTrunk? trunk = null;
        if (target is CallTransferTarget.Number toNumber && (trunk = await TrunkForAgentAsync(toNumber.E164, done).ConfigureAwait(false)) is null)
        {
            return false;
        }

        StopMedia();
        Session.Play(null);
        await ReleaseAgentLegAsync("transferred", fromRefer, hangUp: true).ConfigureAwait(false);
        done.TrySetResult(CallControlResult.Done);
        switch (target)
        {
            case CallTransferTarget.Queue queue:
                return await RequeueAsync(queue.QueueId, preferredAgent: null).ConfigureAwait(false);
            case CallTransferTarget.Agent agent:
                return await RequeueAsync(agentQueue!.Value, agent.AgentId).ConfigureAwait(false);
            case CallTransferTarget.Flow flow:
                _transferFlow = flow.FlowId;
                return true;
            case CallTransferTarget.Number number:
                return await TransferOutsideAsync(number.E164, trunk!).ConfigureAwait(false);
            default:
                return false;
        }
    }

    /// <summary>
    /// The queue a blind transfer to an agent queues the customer in (that agent preferred): the queue of the interaction the
    /// call's agent holds, else the last queue the call waited in — the agent may hold none (a consulted agent not signed
    /// in to routing, or busy, took the customer). Null when the call never waited in a queue.
    /// </summary>
    private Guid? QueueToFindAgentsThrough() =>
        _queue?.QueueId is { } held && held != Guid.Empty ? held
        : _record.QueueId is { } waited && waited != Guid.Empty ? waited
        : null;

    private async Task<bool> TransferOutsideAsync(string number, OutboundTrunk trunk)
    {
        try
        {
            // The customer hears music while the number rings.
            Session.Play(await _services.Audio.OpenMusicOnHoldAsync(TenantId, _life.Token).ConfigureAwait(false));
            if (await CallOutsideAsync(new TransferToNumberAction(number, null), trunk).ConfigureAwait(false) is TransferFailedInput failed)
            {
                await FailTransferAsync("transfer_" + failed.Reason).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_life.IsCancellationRequested)
        {
            _record = _record with { ReleaseCause = CustomerHangUpCause, ReleasedBy = CustomerParty };
        }

        return true;
    }

    private async Task<bool> RequeueAsync(Guid queueId, Guid? preferredAgent)
    {
        var result = await EnqueueAsync(queueId.ToString(), 0, [], preferredAgent).ConfigureAwait(false);
        if (!result.Queued)
        {
            await FailTransferAsync("transfer_" + result.Refusal).ConfigureAwait(false);
            return true;
        }

        await StartWaitingAsync().ConfigureAwait(false);
        return false;
    }

    private async Task FailTransferAsync(string cause)
    {
        _record = _record with { ReleaseCause = cause, ReleasedBy = CallParty.System };
        await HangUpCallerAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the agent's leg (BYE unless their phone already hung up) and their interaction (wrap-up) while the customer
    /// stays: a transfer, an intercept, or the agent leaving a conference. The caller rebuilds the media.
    /// </summary>
    /// <param name="fromRefer">The agent's phone sent REFER: it hears the final NOTIFY (sipfrag 200, RFC 3515) before the BYE.</param>
    private async Task ReleaseAgentLegAsync(string cause, bool fromRefer, bool hangUp)
    {
        var leg = _agent!;
        EndHold();
        _muted = false;
        _services.Owner.DetachAgentLeg(leg.Dialog!);
        if (fromRefer)
        {
            await TryAsync(() => leg.Dialog!.NotifyReferAsync(200, final: true)).ConfigureAwait(false);
        }

        if (hangUp)
        {
            await leg.HangUpAsync().ConfigureAwait(false);
        }

        leg.Record = leg.Record with { EndedAt = Now, ReleaseCause = cause };
        await SaveLegAsync(leg).ConfigureAwait(false);
        _agent = null;
        _view = null;
        if (_queue is { Queued: true })
        {
            // Stop hearing the old interaction first, so its end is not taken for this call's end.
            await _services.Routing.ForgetAsync(TenantId, InteractionId).ConfigureAwait(false);
            await _services.Routing.EndAsync(TenantId, InteractionId).ConfigureAwait(false);
            _queue = null;
        }

        await SaveAsync().ConfigureAwait(false);
    }

    /// <summary>Refreshes what the workspace sees of the call.</summary>
    private void Publish() =>
        _view = _agent is null ? null : new LiveCallView(
            Id, TenantId, _agent.AgentId, InteractionId, _heldSince, _muted, _record.HoldCount, Consulting,
            _recording is null ? "off" : _recording.Recorder.Paused ? "paused" : "on");

    /// <summary>Answers a command that arrived while the call could not take it (over, or outside the queue phase).</summary>
    private static bool RefuseControl(CallSignal signal)
    {
        if (signal is CallSignal.Control control)
        {
            control.Done.TrySetResult(CallControlResult.NotConnected);
            return true;
        }

        if (signal is CallSignal.Supervise supervise)
        {
            supervise.Done.TrySetResult(CallControlResult.NotConnected);
            return true;
        }

        if (signal is CallSignal.ReplaceWithConsultation replace)
        {
            replace.Done.TrySetResult(CallControlResult.NotConnected);
            return true;
        }

        if (signal is CallSignal.HandOverAgent handOver)
        {
            handOver.HandOver.Leg.TrySetResult(null);
            return true;
        }

        return false;
    }
}
