using Parley.Voice.Calls.Control;
using Parley.Voice.Records;

namespace Parley.Voice.Calls;

/// <summary>
/// Attended transfer from the agent's phone (REFER with Replaces, RFC 5589 §7): the agent held the customer and called a
/// number of the tenant from the same phone; an agent answered that second call (the consultation, another
/// <see cref="InboundCall"/> of this node). The consultation hands its agent leg (and the ACD interaction that agent
/// holds) to the customer's call, which takes it as its consulted leg and completes the consult transfer exactly as the
/// API's <c>consult/complete</c> does: leg <c>consult_transferred</c>, the agent wraps up, the customer and the
/// consultation's agent talk. The phone hears the final NOTIFY (sipfrag 200) and BYE on both of its dialogs.
/// </summary>
internal sealed partial class InboundCall
{
    /// <summary>How long the customer's call waits for the consultation's mailbox to hand its agent over.</summary>
    private static readonly TimeSpan HandOverTimeout = TimeSpan.FromSeconds(5);

    /// <summary>In the customer's call: takes the consultation's agent and completes the transfer; false: the call goes on.</summary>
    private async Task<bool> CompleteConsultationFromPhoneAsync(CallSignal.ReplaceWithConsultation replace)
    {
        if (_agent is null || !Talking)
        {
            replace.Done.TrySetResult(CallControlResult.NotConnected);
            return false;
        }

        if (replace.AgentId != _agent.AgentId)
        {
            replace.Done.TrySetResult(CallControlResult.NotFound);
            return false;
        }

        if (Consulting || Mixed || _joining.Count > 0)
        {
            replace.Done.TrySetResult(new CallControlResult(CallControlOutcome.Refused, "Not while a consultation, other parties or a supervisor are on the call."));
            return false;
        }

        var handOver = new AgentHandOver { NotifyCaller = replace.ReferredOnConsultation };
        replace.Consultation.Post(new CallSignal.HandOverAgent(handOver));
        (AgentLeg Leg, Guid? InteractionId)? handed;
        try
        {
            handed = await handOver.Leg.Task.WaitAsync(HandOverTimeout, _services.Time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The consultation keeps its agent if it answers later (it finds the hand-over given up).
            handed = handOver.Leg.TrySetResult(null) ? null : handOver.Leg.Task.Result;
        }

        if (handed is not { } taken)
        {
            CallLog.ReplacesRefused(_services.Logger, Id, _agent.AgentId, replace.Consultation.Id.ToString(), 603, "the consultation is not talking to an agent");
            replace.Done.TrySetResult(new CallControlResult(CallControlOutcome.Refused, "The consultation is not talking to an agent."));
            return false;
        }

        var (leg, interactionId) = taken;
        try
        {
            leg.Record = NewLeg(CallParty.Agent, leg.Target, leg.AgentId) with { RingingAt = null, AnsweredAt = Now, SipStatus = 200, SipCallId = leg.Dialog!.CallId };
            _legs.Add(leg);
            _services.Owner.AttachAgentLeg(leg.Dialog, this, leg);
            if (interactionId is { } routed)
            {
                // The consultation's agent holds its interaction until their leg ends here (then wraps up), as after a queue
                // consult. This call hears it once the consultation stopped hearing it (it says so by CallerNotified).
                _routedLegs[leg] = new RoutedWork(routed, null);
                await WaitQuietlyAsync(handOver.CallerNotified.Task).ConfigureAwait(false);
                await WatchRoutedWorkAsync(routed).ConfigureAwait(false);
            }

            _consultLeg = leg;
            await SaveLegAsync(leg).ConfigureAwait(false);
            CallLog.Controlled(_services.Logger, Id, _agent.AgentId, "consult from the phone " + replace.Consultation.Id);
            if (replace.ReferredOnConsultation)
            {
                // The phone hears the NOTIFY on the consultation before the BYE on this call's agent leg.
                await WaitQuietlyAsync(handOver.CallerNotified.Task).ConfigureAwait(false);
            }

            return await CompleteConsultAsync(hangUpAgent: true, replace.Done, fromRefer: !replace.ReferredOnConsultation).ConfigureAwait(false);
        }
        finally
        {
            handOver.Notified.TrySetResult();
        }
    }

    /// <summary>
    /// In the consultation: gives its bridged agent leg to the customer's call and ends (release cause <c>replaced</c>): the
    /// leg's record here ends, the interaction goes with the leg, and the phone that placed this call gets BYE once it heard
    /// the NOTIFY on its other dialog. True when the call is over.
    /// </summary>
    private async Task<bool> HandOverAgentAsync(AgentHandOver handOver)
    {
        if (_agent is not { } leg || _bridge is null || _joining.Count > 0 || Consulting)
        {
            handOver.Leg.TrySetResult(null);
            return false;
        }

        StopMedia();
        _services.Owner.DetachAgentLeg(leg.Dialog!);
        var interactionId = _queue is { Queued: true } ? InteractionId : (Guid?)null;
        var ended = leg.Record with { EndedAt = Now, ReleaseCause = "replaced" };
        if (!handOver.Leg.TrySetResult((leg, interactionId)))
        {
            // The customer's call gave up waiting: this call goes on as it was.
            _services.Owner.AttachAgentLeg(leg.Dialog!, this, leg);
            Remix();
            return false;
        }

        _legs.Remove(leg);
        EndHold();
        _agent = null;
        _view = null;
        await _services.Records.SaveLegAsync(ended).ConfigureAwait(false);
        if (interactionId is { } id)
        {
            // Stop hearing the interaction: it now belongs to the customer's call and ends with the leg there.
            await _services.Routing.ForgetAsync(TenantId, id).ConfigureAwait(false);
            _queue = null;
        }

        _record = _record with { ReleaseCause = "replaced", ReleasedBy = CallParty.System };
        CallLog.Replaced(_services.Logger, Id, leg.AgentId);
        if (handOver.NotifyCaller)
        {
            await TryAsync(() => Dialog.NotifyReferAsync(200, final: true)).ConfigureAwait(false);
        }

        handOver.CallerNotified.TrySetResult();
        await WaitQuietlyAsync(handOver.Notified.Task).ConfigureAwait(false);
        await HangUpCallerAsync().ConfigureAwait(false);
        return true;
    }

    /// <summary>Waits for the other call's step at most <see cref="HandOverTimeout"/>; after that goes on anyway.</summary>
    private async Task WaitQuietlyAsync(Task step)
    {
        try
        {
            await step.WaitAsync(HandOverTimeout, _services.Time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The other call is stuck or gone: this one goes on.
        }
    }
}
