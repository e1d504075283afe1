using Parley.Voice.Calls.Control;
using Parley.Voice.Records;

namespace Parley.Voice.Calls.Outbound;

/// <summary>
/// A placed call still ringing when its node's drain limit is reached (<see cref="OutboundCalls.EndAllForDrainAsync"/>):
/// it is hung up as the agent's hang-up would (CANCEL to the phones still ringing, BYE to one that answered), and its
/// record is closed with cause <see cref="InboundCall.NodeDrainCause"/>, released by <see cref="CallParty.System"/>,
/// <see cref="CallDisposition.NotAnswered"/> (it never connected: a connected one belongs to <see cref="InboundCalls"/>).
/// </summary>
internal sealed partial class OutboundCall
{
    private volatile bool _endedByDrain;

    public void EndForDrain()
    {
        _endedByDrain = true;
        Post(new CallSignal.Control(new CallCommand.HangUp(), AgentId, new TaskCompletionSource<CallControlResult>(TaskCreationOptions.RunContinuationsAsynchronously)));
    }

    /// <summary>The record as closed by a drain (called once, as the call closes, when <see cref="EndForDrain"/> ended it).</summary>
    private void MarkEndedByDrain()
    {
        if (_endedByDrain)
        {
            _record = _record with { ReleaseCause = InboundCall.NodeDrainCause, ReleasedBy = CallParty.System, Disposition = CallDisposition.NotAnswered };
        }
    }
}
