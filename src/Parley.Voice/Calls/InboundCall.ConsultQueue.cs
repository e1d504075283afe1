using Parley.Sip.Stack;
using Parley.Voice.Calls.Control;
using Parley.Voice.Calls.Ports;

namespace Parley.Voice.Calls;

/// <summary>
/// Consultation with a queue: the consultation is an ACD interaction of its own (channel Voice, <c>kind=consult</c>)
/// waiting in the queue while the customer is on hold; the agent routing offers it to is rung, answering takes the offer
/// and the agents talk as in any consultation. That agent holds the interaction until their leg ends (they wrap up
/// then), also after the customer was handed to them. Cancelling while it waits takes it out of the queue.
/// </summary>
internal sealed partial class InboundCall
{
    /// <summary>The consultation's interaction while it waits in a queue (or its offer rings); null otherwise.</summary>
    private Guid? _consultQueued;

    /// <summary>The offer that rings <see cref="_consultRinging"/> was withdrawn by routing (not missed by the phone).</summary>
    private bool _consultOfferWithdrawn;

    /// <summary>
    /// Legs of agents who hold an interaction of their own on this call (a consultation taken from a queue or rung to their
    /// phone, the second call of an attended transfer): it ends with the leg, or becomes the call's on a consult transfer.
    /// </summary>
    private readonly Dictionary<AgentLeg, RoutedWork> _routedLegs = [];

    /// <summary>The queue <see cref="_consultQueued"/> waits in.</summary>
    private Guid? _consultQueueId;

    private async Task ConsultQueueAsync(CallSignal.Control control, Guid queueId)
    {
        var interactionId = Guid.CreateVersion7();
        var result = await _services.Routing.EnqueueAsync(
            new CallQueueRequest(TenantId, interactionId, queueId.ToString(), 0, ConsultAttributes()), new ConsultQueueListener(this, interactionId), _life.Token).ConfigureAwait(false);
        if (!result.Queued)
        {
            control.Done.TrySetResult(new CallControlResult(CallControlOutcome.Refused, $"The queue did not take the consultation ({result.Refusal})."));
            return;
        }

        CallLog.Controlled(_services.Logger, Id, _agent!.AgentId, "consult queue " + queueId);
        _consultQueued = interactionId;
        _consultQueueId = result.QueueId;
        if (_heldSince is null)
        {
            await HoldAsync().ConfigureAwait(false);
        }

        control.Done.TrySetResult(CallControlResult.Done);
    }

    /// <summary>Routing offers the waiting consultation to an agent: ring their phone (one at a time).</summary>
    private async Task OnConsultOfferedAsync(CallSignal.ConsultOffered offered)
    {
        if (_consultQueued != offered.InteractionId || _consultRinging is not null)
        {
            await _services.Routing.RejectAsync(TenantId, offered.InteractionId, offered.AgentId, missed: false).ConfigureAwait(false);
            return;
        }

        if (offered.AgentId == _agent?.AgentId || await _services.Phones.FindAsync(TenantId, offered.AgentId).ConfigureAwait(false) is not { } phone)
        {
            await _services.Routing.RejectAsync(TenantId, offered.InteractionId, offered.AgentId, missed: offered.AgentId != _agent?.AgentId).ConfigureAwait(false);
            return;
        }

        var options = new SipInviteOptions
        {
            From = $"sip:{_record.CallerNumber ?? "anonymous"}@{_localAddress}",
            FromDisplayName = $"Consult: {_record.CallerNumber ?? "anonymous"}",
            Route = phone.Route,
        };
        var record = NewLeg(Records.CallParty.Agent, phone.Uri, offered.AgentId);
        _consultOfferWithdrawn = false;
        _consultRinging = await RingToJoinAsync(phone.Uri, offered.AgentId, options, record, new TaskCompletionSource<CallControlResult>()).ConfigureAwait(false);
    }

    /// <summary>The queued consultation's phone answered: take the offer; false when it no longer stood (the leg is hung up).</summary>
    private async Task<bool> TakeConsultOfferAsync(AgentLeg leg)
    {
        if (_consultQueued is not { } interactionId)
        {
            return true;
        }

        if (!_consultOfferWithdrawn && await _services.Routing.AcceptAsync(TenantId, interactionId, leg.AgentId).ConfigureAwait(false))
        {
            _consultQueued = null;
            _routedLegs[leg] = new RoutedWork(interactionId, _consultQueueId);
            return true;
        }

        _consultRinging = null;
        _services.Owner.DetachAgentLeg(leg.Dialog!);
        await leg.HangUpAsync().ConfigureAwait(false);
        leg.Record = leg.Record with { EndedAt = Now, ReleaseCause = "offer_withdrawn" };
        await SaveLegAsync(leg).ConfigureAwait(false);
        return false;
    }

    /// <summary>The queued consultation's phone did not answer: a missed offer (unless withdrawn); it waits for the next agent.</summary>
    private async Task<bool> OnQueuedConsultRingFailedAsync(AgentLeg leg)
    {
        if (leg != _consultRinging || _consultQueued is not { } interactionId)
        {
            return false;
        }

        _consultRinging = null;
        if (!_consultOfferWithdrawn)
        {
            await _services.Routing.RejectAsync(TenantId, interactionId, leg.AgentId, missed: true).ConfigureAwait(false);
        }

        return true;
    }

    private void OnConsultOfferWithdrawn(CallSignal.ConsultOfferWithdrawn withdrawn)
    {
        if (_consultQueued == withdrawn.InteractionId && _consultRinging?.AgentId == withdrawn.AgentId)
        {
            _consultOfferWithdrawn = true;
            _consultRinging.Cancel();
        }
    }

    /// <summary>
    /// The consultation's interaction left routing from outside — waiting (overflowed out, abandoned) or held by the
    /// consulted agent (ended through the API): the customer comes back to the agent.
    /// </summary>
    private async Task OnConsultRoutingEndedAsync(CallSignal.ConsultRoutingEnded ended)
    {
        if (_consultLeg is { } consulted && _routedLegs.TryGetValue(consulted, out var work) && work.InteractionId == ended.InteractionId)
        {
            _routedLegs.Remove(consulted);
            await _services.Routing.ForgetAsync(TenantId, work.InteractionId).ConfigureAwait(false);
            _consultLeg = null;
            StopMedia();
            await EndLegAsync(consulted, "ended_" + ended.Reason, hangUp: true).ConfigureAwait(false);
            await BackFromConsultAsync().ConfigureAwait(false);
            return;
        }

        if (_consultQueued != ended.InteractionId)
        {
            return;
        }

        _consultQueued = null;
        if (_consultRinging is { } ringing)
        {
            // Its failure brings the customer back.
            ringing.Cancel();
            return;
        }

        await BackFromConsultAsync().ConfigureAwait(false);
    }

    /// <summary>Takes a waiting consultation out of its queue; true when there was one.</summary>
    private async Task<bool> WithdrawQueuedConsultAsync()
    {
        if (_consultQueued is not { } interactionId)
        {
            return false;
        }

        _consultQueued = null;
        await _services.Routing.AbandonAsync(TenantId, interactionId).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// A leg that holds an interaction of its own ends: so does the interaction — the agent wraps up, except after a
    /// consultation rung to their phone that they never took the customer from (back to their previous state).
    /// </summary>
    private async Task EndRoutedLegAsync(AgentLeg leg)
    {
        if (_routedLegs.Remove(leg, out var work))
        {
            // Stop hearing it first, so its end is not taken for an end from outside.
            await _services.Routing.ForgetAsync(TenantId, work.InteractionId).ConfigureAwait(false);
            if (work.StartedForConsultation)
            {
                await _services.Routing.EndWithoutWrapUpAsync(TenantId, work.InteractionId).ConfigureAwait(false);
            }
            else
            {
                await _services.Routing.EndAsync(TenantId, work.InteractionId).ConfigureAwait(false);
            }
        }
    }
}
