using Parley.Sip.Stack;
using Parley.Voice.Records;

namespace Parley.Voice.Calls;

internal sealed partial class InboundCall
{
    /// <summary>
    /// The queue phase and the conversation: music while waiting, ring each agent the ACD offers the call to, bridge the
    /// one who answers, and end when either side hangs up or routing ends the interaction.
    /// </summary>
    /// <param name="waitFirst">The caller waits in the queue first (false: the call is already bridged).</param>
    /// <returns>The flow to run next when the caller pressed the queue's breakout key; null when the call is over.</returns>
    private async Task<Guid?> ConnectAsync(bool waitFirst = true)
    {
        if (waitFirst)
        {
            await StartWaitingAsync().ConfigureAwait(false);
        }

        await foreach (var signal in _mailbox.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (signal is CallSignal.BrokeOut && _agent is null && !Talking && _waitSettings?.BreakoutFlowId is { } flow)
            {
                await LeaveQueueAsync().ConfigureAwait(false);
                return flow;
            }

            var over = await HandleAsync(signal).ConfigureAwait(false);
            if (!over && _agent is not null)
            {
                // The workspace's view follows every change (consultation, recording, hold).
                Publish();
            }

            if (over)
            {
                // A blind transfer to a flow leaves the queue phase for that flow.
                var next = _transferFlow;
                _transferFlow = null;
                return next;
            }
        }

        return null;
    }

    /// <summary>Handles one signal; true when the call is over.</summary>
    private async Task<bool> HandleAsync(CallSignal signal)
    {
        switch (signal)
        {
            case CallSignal.ConsultOffered offered:
                await OnConsultOfferedAsync(offered).ConfigureAwait(false);
                return false;
            case CallSignal.ConsultOfferWithdrawn withdrawn:
                OnConsultOfferWithdrawn(withdrawn);
                return false;
            case CallSignal.ConsultRoutingEnded ended when _agent is not null && ended.InteractionId == InteractionId:
                // The consulted agent's interaction, the call's since the consult transfer, was ended from outside: both legs go.
                await ReleaseBridgedAsync("ended_" + ended.Reason, CallParty.System, hangUpCaller: true, endInRouting: false).ConfigureAwait(false);
                return true;
            case CallSignal.ConsultRoutingEnded ended:
                await OnConsultRoutingEndedAsync(ended).ConfigureAwait(false);
                return false;
            case CallSignal.AgentAnswered answered when _joining.ContainsKey(answered.Leg):
                await OnJoinerAnsweredAsync(answered.Leg).ConfigureAwait(false);
                return false;
            case CallSignal.AgentFailed failed when _joining.ContainsKey(failed.Leg):
                await OnJoinerFailedAsync(failed.Leg, failed.Status).ConfigureAwait(false);
                return false;
            case CallSignal.AgentHungUp hungUp when hungUp.Leg == _consultLeg:
                await OnConsultHungUpAsync(hungUp.Leg).ConfigureAwait(false);
                return false;
            case CallSignal.AgentHungUp hungUp when hungUp.Leg == _agent && _consultLeg is not null:
                // The agent hung up while consulting: the customer goes to the consulted party (attended transfer).
                return await CompleteConsultAsync(hangUpAgent: false, done: null).ConfigureAwait(false);
            case CallSignal.AgentHungUp hungUp when _members.Contains(hungUp.Leg):
                return await OnMemberHungUpAsync(hungUp.Leg).ConfigureAwait(false);
            case CallSignal.AgentHungUp hungUp when hungUp.Leg == _agent && _members.Any(m => m != _supervisor):
                // The agent leaves a conference: the others keep talking.
                return await AgentLeavesAsync(hangUp: false, done: null).ConfigureAwait(false);
            case CallSignal.CallerHungUp hungUp when _agent is null && Talking:
                await ReleaseConferenceAsync(hungUp.Cause, CustomerParty, hangUpCaller: false).ConfigureAwait(false);
                return true;
            case CallSignal.Supervise supervise:
                return await SuperviseAsync(supervise).ConfigureAwait(false);
            case CallSignal.CallerHungUp hungUp when _agent is not null:
                await ReleaseBridgedAsync(hungUp.Cause, CustomerParty, hangUpCaller: false).ConfigureAwait(false);
                return true;
            case CallSignal.CallerHungUp hungUp:
                await ReleaseWaitingAsync(hungUp.Cause, CustomerParty).ConfigureAwait(false);
                return true;
            case CallSignal.Offered offered:
                await RingAsync(offered).ConfigureAwait(false);
                return false;
            case CallSignal.OfferWithdrawn withdrawn when _ringing?.AgentId == withdrawn.AgentId:
                CallLog.RingCancelled(_services.Logger, Id, withdrawn.AgentId, withdrawn.Reason);
                StopRingingWithdrawn();
                return false;
            case CallSignal.AgentAnswered answered:
                return await OnAgentAnsweredAsync(answered.Leg).ConfigureAwait(false);
            case CallSignal.AgentFailed failed:
                await OnAgentFailedAsync(failed.Leg, failed.Status).ConfigureAwait(false);
                return false;
            case CallSignal.AgentHungUp hungUp when hungUp.Leg == _agent:
                await ReleaseBridgedAsync(hungUp.Cause, CallParty.Agent, hangUpCaller: true).ConfigureAwait(false);
                return true;
            case CallSignal.RoutingEnded ended when _agent is not null:
                // Ended from outside (a supervisor, the API): both legs go.
                await ReleaseBridgedAsync("ended_" + ended.Reason, CallParty.System, hangUpCaller: true, endInRouting: false).ConfigureAwait(false);
                return true;
            case CallSignal.RoutingEnded { Reason: OverflowVoicemail or OverflowCallback } ended when !Talking:
                await OverflowAsync(ended.Reason).ConfigureAwait(false);
                return true;
            case CallSignal.RoutingEnded ended:
                _record = _record with { Disposition = CallDisposition.NotAnswered, ReleaseCause = ended.Reason, ReleasedBy = CallParty.System };
                await StopWaitingAsync().ConfigureAwait(false);
                await StopRingingAsync().ConfigureAwait(false);
                await HangUpCallerAsync().ConfigureAwait(false);
                return true;
            case CallSignal.Control control:
                return await ControlAsync(control).ConfigureAwait(false);
            case CallSignal.ReplaceWithConsultation replace:
                return await CompleteConsultationFromPhoneAsync(replace).ConfigureAwait(false);
            case CallSignal.HandOverAgent handOver:
                return await HandOverAgentAsync(handOver.HandOver).ConfigureAwait(false);
            case CallSignal.Moved moved:
                _record = _record with { QueueId = moved.QueueId };
                return false;
            default:
                return false;
        }
    }

    /// <summary>The ACD offers the call to an agent: INVITE their phone for the offer's ring time.</summary>
    private async Task RingAsync(CallSignal.Offered offered)
    {
        if (_ringing is not null || _agent is not null)
        {
            // One phone rings at a time; a second offer for the same call cannot stand.
            await _services.Routing.RejectAsync(TenantId, InteractionId, offered.AgentId, missed: false).ConfigureAwait(false);
            return;
        }

        var phone = await _services.Phones.FindAsync(TenantId, offered.AgentId).ConfigureAwait(false);
        if (phone is null)
        {
            CallLog.NoPhone(_services.Logger, Id, offered.AgentId);
            await _services.Routing.RejectAsync(TenantId, InteractionId, offered.AgentId, missed: true).ConfigureAwait(false);
            return;
        }

        var options = new SipInviteOptions
        {
            From = $"sip:{_record.CallerNumber ?? "anonymous"}@{_localAddress}",
            FromDisplayName = $"{_queue?.QueueName ?? "Queue"}: {_record.CallerNumber ?? "anonymous"}",
            Route = phone.Route,
        };
        var leg = new CallLegRecord
        {
            Id = Guid.CreateVersion7(),
            CallId = Id,
            TenantId = TenantId,
            Party = CallParty.Agent,
            SipCallId = string.Empty,
            Address = phone.Uri,
            AgentId = offered.AgentId,
            CreatedAt = Now,
            RingingAt = Now,
        };
        // Ring time runs from the offer the call was answered on: a later offer before the answer (the first agent let it
        // ring out) moves it, one after the answer (a transfer) does not.
        _record = _record with { OfferedAt = _record.AnsweredAt is null ? Now : _record.OfferedAt, AgentId = offered.AgentId };
        CallLog.Ringing(_services.Logger, Id, offered.AgentId, phone.Uri);
        _ringing = AgentLeg.Ring(_services.Engine, Stack, _localAddress, offered.AgentId, phone.Uri, options, leg, Post, TrackAnswered);
        _legs.Add(_ringing);
        var ringFor = offered.ExpiresAt - Now + _services.Options.RingGrace;
        var ringing = _ringing;
        _ = Task.Delay(ringFor > TimeSpan.Zero ? ringFor : TimeSpan.Zero, _services.Time, CancellationToken.None)
            .ContinueWith(_ => ringing.Cancel(), TaskScheduler.Default);
        await SaveAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// The offer ringing this phone was withdrawn (rung out, revoked): the leg is cancelled and no longer the call's ringing
    /// leg, so the next offer rings at once — the same agent's phone again, or another's. A phone that never answered
    /// cannot be cancelled until it does (RFC 3261 §9.1), and its INVITE may stay open for 32 s; were it still the ringing
    /// leg, each new offer would be refused at once, and routing would offer the call again at once, in a loop.
    /// Whatever the leg does later (answers, fails) is handled as a stale leg.
    /// </summary>
    private void StopRingingWithdrawn()
    {
        var leg = _ringing!;
        _ringing = null;
        leg.Cancel();
    }

    private async Task<bool> OnAgentAnsweredAsync(AgentLeg leg)
    {
        if (leg != _ringing)
        {
            // A phone whose offer was withdrawn (or a second answer) answered: it does not get the call.
            CallLog.AnsweredTooLate(_services.Logger, Id, leg.AgentId, "offer_withdrawn");
            _services.Owner.DetachAgentLeg(leg.Dialog!);
            leg.Record = leg.Record with { AnsweredAt = Now, SipStatus = 200, SipCallId = leg.Dialog!.CallId, EndedAt = Now, ReleaseCause = "offer_withdrawn" };
            await SaveLegAsync(leg).ConfigureAwait(false);
            await leg.HangUpAsync().ConfigureAwait(false);
            await leg.DisposeAsync().ConfigureAwait(false);
            return false;
        }

        _ringing = null;
        leg.Record = leg.Record with { AnsweredAt = Now, SipStatus = 200, SipCallId = leg.Dialog!.CallId };
        if (leg.CancelRequested || !await _services.Routing.AcceptAsync(TenantId, InteractionId, leg.AgentId).ConfigureAwait(false))
        {
            // The offer ended while the phone was answering: this agent does not get the call.
            CallLog.AnsweredTooLate(_services.Logger, Id, leg.AgentId, leg.CancelRequested ? "ring_timeout" : "accept_refused");
            _services.Owner.DetachAgentLeg(leg.Dialog!);
            leg.Record = leg.Record with { EndedAt = Now, ReleaseCause = "offer_withdrawn" };
            await SaveLegAsync(leg).ConfigureAwait(false);
            await leg.HangUpAsync().ConfigureAwait(false);
            await leg.DisposeAsync().ConfigureAwait(false);
            return false;
        }

        await StopWaitingAsync().ConfigureAwait(false);
        _agent = leg;
        _bridge = AudioBridge.Connect(Session, leg.Session);
        AttachRecorder();
        _record = _record with { AnsweredAt = _record.AnsweredAt ?? Now, AgentId = leg.AgentId, Disposition = CallDisposition.Answered };
        Publish();
        CallLog.Bridged(_services.Logger, Id, leg.AgentId);
        await SaveLegAsync(leg).ConfigureAwait(false);
        await SaveAsync().ConfigureAwait(false);
        return false;
    }

    private async Task OnAgentFailedAsync(AgentLeg leg, int status)
    {
        leg.Record = leg.Record with { EndedAt = Now, SipStatus = status, ReleaseCause = status == 487 ? "cancelled" : "phone_" + status };
        await SaveLegAsync(leg).ConfigureAwait(false);
        if (leg == _ringing)
        {
            _ringing = null;
            CallLog.RingFailed(_services.Logger, Id, leg.AgentId, status);
            if (!leg.CancelRequested || status != 487)
            {
                // Busy, declined, unreachable, or rung out by our own guard: a missed offer, so an agent whose phone keeps
                // failing goes not ready instead of being offered the call again and again.
                await _services.Routing.RejectAsync(TenantId, InteractionId, leg.AgentId, missed: true).ConfigureAwait(false);
            }
        }

        await leg.DisposeAsync().ConfigureAwait(false);
    }

    private async Task StopRingingAsync()
    {
        if (_ringing is { } leg)
        {
            leg.Cancel();
            _ringing = null;
            if (leg.Dialog is not null)
            {
                // It answered a moment ago; its answer is still in the mailbox.
                _services.Owner.DetachAgentLeg(leg.Dialog);
                await leg.HangUpAsync().ConfigureAwait(false);
            }

            leg.Record = leg.Record with { EndedAt = Now, SipStatus = 487, ReleaseCause = "caller_gone" };
            await SaveLegAsync(leg).ConfigureAwait(false);
        }
    }

    /// <summary>The caller left (or was released) before any agent answered.</summary>
    private async Task ReleaseWaitingAsync(string cause, CallParty by)
    {
        await StopWaitingAsync().ConfigureAwait(false);
        await StopRingingAsync().ConfigureAwait(false);
        _record = _record with { Disposition = CallDisposition.AbandonedInQueue, ReleaseCause = cause, ReleasedBy = by };
        if (by == CustomerParty)
        {
            // The caller is gone: their RTP ports go back to the pool now, not after routing and the records answer.
            await Session.DisposeAsync().ConfigureAwait(false);
        }

        await _services.Routing.AbandonAsync(TenantId, InteractionId).ConfigureAwait(false);
    }

    /// <summary>One side of a bridged call hung up: end the other and the interaction (the agent goes to wrap-up).</summary>
    private async Task ReleaseBridgedAsync(string cause, CallParty by, bool hangUpCaller, bool endInRouting = true, bool hangUpAgent = false)
    {
        StopMedia();
        await ReleaseMembersAsync(cause).ConfigureAwait(false);
        EndHold();
        _view = null;
        var leg = _agent!;
        _services.Owner.DetachAgentLeg(leg.Dialog!);
        if (by != CallParty.Agent || hangUpAgent)
        {
            await leg.HangUpAsync().ConfigureAwait(false);
        }

        if (hangUpCaller)
        {
            await HangUpCallerAsync().ConfigureAwait(false);
        }

        leg.Record = leg.Record with { EndedAt = Now, ReleaseCause = cause };
        await SaveLegAsync(leg).ConfigureAwait(false);
        _record = _record with { ReleaseCause = cause, ReleasedBy = by };
        if (endInRouting && _queue is { Queued: true })
        {
            await _services.Routing.EndAsync(TenantId, InteractionId).ConfigureAwait(false);
        }
    }

    /// <summary>A leg's phone answered: its dialog's later requests (BYE, INFO) now reach this call.</summary>
    private void TrackAnswered(AgentLeg answered)
    {
        _services.Dialogs.Track(answered.Dialog!, _services.Owner);
        _services.Owner.AttachAgentLeg(answered.Dialog!, this, answered);
    }

    private Task SaveLegAsync(AgentLeg leg) => _services.Records.SaveLegAsync(leg.Record).AsTask();
}
