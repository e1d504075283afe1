using Parley.Voice.Records;

namespace Parley.Voice.Calls.Outbound;

/// <summary>
/// The hand-over: once both sides answered, the call goes on as a connected call of <see cref="InboundCalls"/>, which
/// takes the legs, the record and the interaction; this call then ends without touching them, and passes on anything
/// that reached its mailbox meanwhile. The interaction's watcher stays (<see cref="PlacedCallListener"/> follows the call to
/// its new owner, which forgets it when it ends).
/// </summary>
internal sealed partial class OutboundCall
{
    /// <summary>The connected call this one became once both sides answered; null until then.</summary>
    private volatile InboundCall? _adopted;

    /// <summary>
    /// Both sides answered: the far end (customer or other agent) becomes the customer of a connected call bridged with the
    /// agent (<see cref="InboundCalls.Adopt"/>), which owns the legs, the record and the interaction from now on. The legs'
    /// dialogs are tracked there before they are forgotten here, so no BYE falls between the two.
    /// </summary>
    private async Task HandOverAsync()
    {
        var far = _far!;
        var agent = _agent!;
        far.Session.Play(null);
        var record = await ShouldRecordAsync().ConfigureAwait(false);
        _record = _record with { AnsweredAt = Now, Disposition = CallDisposition.Answered };
        _legs.Remove(far);
        _legs.Remove(agent);
        _adopted = _services.ConnectedCalls().Adopt(
            _record, far, agent, _localAddress, _dial.QueueId == Guid.Empty ? null : _dial.QueueId, record, onBridged: () => Report(failureCause: null));
        _services.Owner.DetachLeg(far.Dialog!);
        _services.Owner.DetachLeg(agent.Dialog!);
        OutboundLog.Bridged(_services.Logger, Id, Destination, AgentId);
    }

    /// <summary>Tells the host how the call settled (<see cref="OutboundCalls.Settled"/>).</summary>
    private void Report(string? failureCause) =>
        _services.Owner.Report(new PlacedCallOutcome(TenantId, Id, InteractionId, AgentId, Destination, failureCause));

    /// <summary>What reached this call while it was handed over (a command, a hang-up) goes to the connected call.</summary>
    private void ForwardLeftovers(InboundCall adopted)
    {
        _mailbox.Writer.TryComplete();
        while (_mailbox.Reader.TryRead(out var left))
        {
            switch (left)
            {
                case CallSignal.Control:
                case CallSignal.RoutingEnded:
                case CallSignal.AgentHungUp hungUp when hungUp.Leg == _agent:
                    adopted.Post(left);
                    break;
                case CallSignal.AgentHungUp hungUp when hungUp.Leg == _far:
                    adopted.CallerGone(adopted.CustomerHangUpCause);
                    break;
            }
        }
    }
}
