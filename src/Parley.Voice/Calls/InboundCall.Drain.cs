using Parley.Voice.Records;

namespace Parley.Voice.Calls;

/// <summary>
/// A call still live when its node's drain limit is reached (<see cref="InboundCalls.EndAllForDrainAsync"/>): Parley hangs
/// up the customer (BYE) and every agent leg as if the customer had hung up, and the record is closed with cause
/// <see cref="NodeDrainCause"/>, released by <see cref="CallParty.System"/>. Its disposition keeps what the call reached:
/// <see cref="CallDisposition.Answered"/> (or voicemail, callback) when it got that far, otherwise
/// <see cref="CallDisposition.NotAnswered"/> — the caller did not abandon it.
/// </summary>
internal sealed partial class InboundCall
{
    /// <summary>The release cause of a call ended because its node was draining and the drain limit was reached.</summary>
    public const string NodeDrainCause = "node_drain";

    private volatile bool _endedByDrain;

    /// <summary>Ends the call now: BYE to the customer, the agent legs released, the record closed as <see cref="NodeDrainCause"/>.</summary>
    public void EndForDrain()
    {
        _endedByDrain = true;
        _ = HangUpCallerAsync();
        CallerGone(NodeDrainCause);
    }

    /// <summary>The record as closed by a drain (called once, at the very end, when <see cref="EndForDrain"/> ended it).</summary>
    private void MarkEndedByDrain()
    {
        if (!_endedByDrain)
        {
            return;
        }

        var disposition = _record.Disposition is CallDisposition.Answered or CallDisposition.Voicemail or CallDisposition.Callback
            ? _record.Disposition
            : CallDisposition.NotAnswered;
        _record = _record with { Disposition = disposition, ReleaseCause = NodeDrainCause, ReleasedBy = CallParty.System };
    }
}
