using Parley.Voice.Calls.Control;

namespace Parley.Voice.Calls;

/// <summary>
/// Consult transfer: the customer is put on hold (music, hold time counted) while the agent calls a colleague or a
/// number and talks to them alone; completing hands the customer to them (the agent wraps up; a colleague becomes the
/// call's agent, <c>InboundCall.ConsultTakeOver.cs</c>), cancelling brings the customer back to the agent. The agent's
/// phone hanging up during the consultation completes it, as desk phones do.
/// The target may be a queue: the consultation then waits in it (<c>InboundCall.ConsultQueue.cs</c>).
/// </summary>
internal sealed partial class InboundCall
{
    private AgentLeg? _consultRinging;
    private AgentLeg? _consultLeg;
    private AudioBridge? _consultBridge;

    /// <summary>A consultation is ringing or in progress.</summary>
    private bool Consulting => _consultRinging is not null || _consultLeg is not null || _consultQueued is not null;

    private async Task ConsultAsync(CallSignal.Control control, CallTransferTarget target)
    {
        if (Mixed || _joining.Count > 0)
        {
            control.Done.TrySetResult(new CallControlResult(CallControlOutcome.Refused, "Not while other parties or a supervisor are on the call."));
            return;
        }

        if (target is CallTransferTarget.Queue queue)
        {
            await ConsultQueueAsync(control, queue.QueueId).ConfigureAwait(false);
            return;
        }

        CallLog.Controlled(_services.Logger, Id, _agent!.AgentId, "consult " + target);
        if (await RingPartyAsync(control, target, "Consult").ConfigureAwait(false) is not { } leg)
        {
            return;
        }

        _consultRinging = leg;
        if (_heldSince is null)
        {
            await HoldAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The consulted party answered: the agent talks to them while the customer keeps hearing music.</summary>
    private async Task OnConsultAnsweredAsync(AgentLeg leg)
    {
        _consultRinging = null;
        _consultLeg = leg;
        StopMedia();
        _consultBridge = AudioBridge.Connect(_agent!.Session, leg.Session);
        if (_recording?.Recorder is { } recorder)
        {
            // As on hold: the recording keeps what the customer says; the agents' consultation is not recorded.
            Session.AudioReceived = (session, in _, payload) =>
            {
                if (session.Audio?.Codec is { } codec)
                {
                    recorder.CustomerFrame(codec, payload);
                }
            };
        }

        await SaveLegAsync(leg).ConfigureAwait(false);
        await StartDirectConsultWorkAsync(leg).ConfigureAwait(false);
    }

    /// <summary>Hands the customer to the consulted party; the agent's leg ends (wrap-up). False: the call goes on.</summary>
    /// <param name="fromRefer">The agent's phone asked by REFER with Replaces: it hears the final NOTIFY (sipfrag 200) before the BYE.</param>
    private async Task<bool> CompleteConsultAsync(bool hangUpAgent, TaskCompletionSource<CallControlResult>? done, bool fromRefer = false)
    {
        if (_consultLeg is not { } leg)
        {
            done?.TrySetResult(new CallControlResult(CallControlOutcome.Refused,
                _consultRinging is not null || _consultQueued is not null ? "The consulted party has not answered yet." : "There is no consultation to complete."));
            return false;
        }

        CallLog.Controlled(_services.Logger, Id, _agent!.AgentId, "consult complete");
        StopMedia();
        Session.Play(null);
        _consultLeg = null;
        var previousQueueId = _queue?.QueueId;
        await ReleaseAgentLegAsync("consult_transferred", fromRefer, hangUpAgent).ConfigureAwait(false);
        await HandCallToConsultedAsync(leg, previousQueueId).ConfigureAwait(false);
        Remix();
        Publish();
        done?.TrySetResult(CallControlResult.Done);
        return false;
    }

    /// <summary>Ends the consultation (ringing or answered) and gives the customer back to the agent.</summary>
    private async Task CancelConsultAsync(TaskCompletionSource<CallControlResult> done)
    {
        if (await WithdrawQueuedConsultAsync().ConfigureAwait(false) && _consultRinging is null)
        {
            await BackFromConsultAsync().ConfigureAwait(false);
            done.TrySetResult(CallControlResult.Done);
            return;
        }

        if (_consultRinging is { } ringing)
        {
            // Its failure (487) brings the customer back.
            ringing.Cancel();
            done.TrySetResult(CallControlResult.Done);
            return;
        }

        if (_consultLeg is not { } leg)
        {
            done.TrySetResult(new CallControlResult(CallControlOutcome.Refused, "There is no consultation to cancel."));
            return;
        }

        CallLog.Controlled(_services.Logger, Id, _agent!.AgentId, "consult cancel");
        _consultLeg = null;
        StopMedia();
        await EndLegAsync(leg, "consult_cancelled", hangUp: true).ConfigureAwait(false);
        await BackFromConsultAsync().ConfigureAwait(false);
        done.TrySetResult(CallControlResult.Done);
    }

    /// <summary>The consulted party hung up: the customer comes back to the agent.</summary>
    private async Task OnConsultHungUpAsync(AgentLeg leg)
    {
        _consultLeg = null;
        StopMedia();
        await EndLegAsync(leg, "consult_hangup", hangUp: false).ConfigureAwait(false);
        await BackFromConsultAsync().ConfigureAwait(false);
    }

    /// <summary>The customer leaves hold and talks to the agent again.</summary>
    private async Task BackFromConsultAsync()
    {
        Session.Play(null);
        EndHold();
        Remix();
        Publish();
        await SaveAsync().ConfigureAwait(false);
    }
}
