using Parley.Voice.Calls.Ports;
using Parley.Voice.Records;

namespace Parley.Voice.Calls;

/// <summary>
/// After a consult transfer the consulted agent is the call's agent: they hold, resume, mute, send keys, hang up,
/// transfer, consult and conference it as the first agent did, a supervisor monitors and releases it, and the first agent
/// no longer finds it. The interaction the consulted agent holds (taken from a queue, or started directly when they answered
/// a consultation rung to their own phone) becomes the call's interaction, so routing counts them busy until their leg ends.
/// </summary>
internal sealed partial class InboundCall
{
    /// <summary>
    /// An agent rung directly for a consultation answered: start an interaction of their own in the call's queue, so
    /// routing offers them nothing while they talk. Not signed in to routing, or already busy: they talk without one.
    /// </summary>
    private async Task StartDirectConsultWorkAsync(AgentLeg leg)
    {
        if (_routedLegs.ContainsKey(leg) || leg.Record.Party != CallParty.Agent || leg.AgentId == Guid.Empty
            || _queue?.QueueId is not { } queueId || queueId == Guid.Empty)
        {
            return;
        }

        var interactionId = Guid.CreateVersion7();
        var refusal = await _services.Routing.StartDirectAsync(
            new DirectCallRequest(TenantId, interactionId, leg.AgentId, queueId, ConsultAttributes())).ConfigureAwait(false);
        if (refusal is null)
        {
            _routedLegs[leg] = new RoutedWork(interactionId, queueId, StartedForConsultation: true);
            await WatchRoutedWorkAsync(interactionId).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Hears routing about an interaction an agent leg of this call holds but the call did not queue (started directly, or
    /// handed over by an attended transfer), as it hears a queued consultation: its end from outside ends the leg.
    /// </summary>
    private async Task WatchRoutedWorkAsync(Guid interactionId) =>
        await _services.Routing.WatchAsync(TenantId, interactionId, new ConsultQueueListener(this, interactionId)).ConfigureAwait(false);

    /// <summary>The attributes of a consultation's interaction (<c>kind=consult</c>).</summary>
    private Dictionary<string, string> ConsultAttributes() => new(StringComparer.Ordinal)
    {
        [Outbound.CallbackAttributes.Kind] = CallAttributes.Consult,
        ["callId"] = Id.ToString(),
        ["consultedBy"] = _agent!.AgentId.ToString(),
        ["caller"] = _record.CallerNumber ?? string.Empty,
    };

    /// <summary>
    /// The first agent's leg has ended: the consulted leg becomes the call's agent (an outside number stays a party), its
    /// interaction the call's; the media is rebuilt by the caller.
    /// </summary>
    /// <param name="previousQueueId">The first agent's queue: where a transfer to an agent looks when the interaction's is not known.</param>
    private async Task HandCallToConsultedAsync(AgentLeg leg, Guid? previousQueueId)
    {
        if (leg.Record.Party != CallParty.Agent || leg.AgentId == Guid.Empty)
        {
            _members.Add(leg);
            return;
        }

        _agent = leg;
        if (_routedLegs.Remove(leg, out var work))
        {
            InteractionId = work.InteractionId;
            _queue = new CallQueueResult(work.QueueId ?? previousQueueId ?? Guid.Empty, null, null);
            _record = _record with { InteractionId = work.InteractionId, QueueId = work.QueueId ?? _record.QueueId };
        }

        _record = _record with { AgentId = leg.AgentId };
        CallLog.Bridged(_services.Logger, Id, leg.AgentId);
        await SaveAsync().ConfigureAwait(false);
    }
}
