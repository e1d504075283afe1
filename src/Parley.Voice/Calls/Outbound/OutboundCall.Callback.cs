using Parley.Voice.Records;

namespace Parley.Voice.Calls.Outbound;

/// <summary>
/// A callback the ACD offered. Preview: the agent's phone answering takes the offer, not answering is a missed offer.
/// Customer first: the offer is taken for the agent at once, the customer is called, and hears music on hold while the
/// agent's phone rings; an agent who does not answer then leaves the customer to be called back again.
/// </summary>
internal sealed partial class OutboundCall
{
    private bool _withdrawn;

    /// <summary>Whether the agent took the interaction (always for a call they placed; for a callback once answered).</summary>
    public bool Accepted => _accepted;

    /// <summary>
    /// The release cause when the agent took the callback but the two never talked (the customer busy, no_answer, …; customer
    /// first, also the agent's phone not answering); null when they talked or the agent never took it.
    /// </summary>
    public string? CustomerNotReached => _accepted && _record.Disposition != CallDisposition.Answered ? _record.ReleaseCause : null;

    /// <summary>Set by <see cref="Callbacks"/>: when the offer ends, so the agent's phone stops ringing with it.</summary>
    public DateTimeOffset? OfferExpiresAt { get; init; }

    /// <summary>Set by <see cref="Callbacks"/>: call the customer first, and ring the agent once they answered.</summary>
    public bool CustomerFirst { get; init; }

    private TimeSpan AgentRingTime => !CustomerFirst && OfferExpiresAt is { } expires && expires - Now + RingGrace is var left && left < _services.AgentRingTime
        ? (left > TimeSpan.Zero ? left : TimeSpan.Zero)
        : _services.AgentRingTime;

    private static readonly TimeSpan RingGrace = TimeSpan.FromSeconds(2);

    /// <summary>True when the agent has the interaction now; a callback whose offer ended meanwhile releases the agent's phone.</summary>
    private async Task<bool> TakeOfferAsync(AgentLeg leg)
    {
        if (_accepted)
        {
            return true;
        }

        if (!_withdrawn && !leg.CancelRequested && await _services.Routing.AcceptAsync(TenantId, InteractionId, AgentId).ConfigureAwait(false))
        {
            _accepted = true;
            return true;
        }

        await leg.HangUpAsync().ConfigureAwait(false);
        leg.Record = leg.Record with { EndedAt = Now, SipStatus = 200, ReleaseCause = "offer_withdrawn" };
        Release("offer_withdrawn", CallParty.System, CallDisposition.NotAnswered);
        return false;
    }

    /// <summary>The agent's phone did not answer a callback: a missed offer, so the callback goes to another agent.</summary>
    private async Task MissOfferAsync()
    {
        if (!_accepted && !_withdrawn)
        {
            await _services.Routing.RejectAsync(TenantId, InteractionId, AgentId, missed: true).ConfigureAwait(false);
        }
    }

    /// <summary>Customer first: takes the offer for the agent before anyone rings; false (and the call is over) when it ended meanwhile.</summary>
    private async Task<bool> TakeOfferForTheAgentAsync()
    {
        if (!_withdrawn && await _services.Routing.AcceptAsync(TenantId, InteractionId, AgentId).ConfigureAwait(false))
        {
            _accepted = true;
            await SaveAsync().ConfigureAwait(false);
            return true;
        }

        Release("offer_withdrawn", CallParty.System, CallDisposition.NotAnswered);
        return false;
    }

    /// <summary>Customer first: the customer answered, so they hear music on hold while the agent's phone rings.</summary>
    private async Task HoldTheCustomerWhileTheAgentRingsAsync()
    {
        try
        {
            _far!.Session.Play(await _services.Audio.OpenMusicOnHoldAsync(TenantId, CancellationToken.None).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            OutboundLog.CleanupFailed(_services.Logger, Id, ex);
        }

        RingAgent();
    }
}
