using Parley.Voice.Records;

namespace Parley.Voice.Calls;

/// <summary>
/// A call ended from outside whatever it is doing — in its flow, waiting or ringing in a queue, ringing an outside number,
/// talking: Parley hangs up the customer (BYE) and every agent leg as if the customer had hung up, and the record is closed
/// with the outside cause. Two causes: the node's drain limit was reached (<see cref="InboundCalls.EndAllForDrainAsync"/>,
/// <see cref="NodeDrainCause"/>, released by <see cref="CallParty.System"/>), or a supervisor released a call that is not
/// talking to anyone the mailbox releases leg by leg (<see cref="SupervisorReleaseCause"/>, by <see cref="CallParty.Supervisor"/>).
/// Its disposition keeps what the call reached: <see cref="CallDisposition.Answered"/> (or voicemail, callback) when it
/// got that far, otherwise <see cref="CallDisposition.NotAnswered"/> — the caller did not abandon it.
/// </summary>
internal sealed partial class InboundCall
{
    /// <summary>The release cause of a call ended because its node was draining and the drain limit was reached.</summary>
    public const string NodeDrainCause = "node_drain";

    /// <summary>The release cause of a call a supervisor ended (<c>POST /api/v1/calls/{id}/release</c>).</summary>
    public const string SupervisorReleaseCause = "supervisor_release";

    private volatile CallEndedFromOutside? _endedFromOutside;

    /// <summary>Ends the call now: BYE to the customer, the agent legs released, the record closed as <see cref="NodeDrainCause"/>.</summary>
    public void EndForDrain() => EndFromOutside(new CallEndedFromOutside(NodeDrainCause, CallParty.System));

    /// <summary>A supervisor ends the call in whatever state it is: the record is closed as <see cref="SupervisorReleaseCause"/>.</summary>
    public void ReleaseBySupervisor(Guid supervisorId)
    {
        CallLog.Supervised(_services.Logger, Id, supervisorId, "release");
        EndFromOutside(new CallEndedFromOutside(SupervisorReleaseCause, CallParty.Supervisor));
    }

    private void EndFromOutside(CallEndedFromOutside end)
    {
        _endedFromOutside ??= end;
        _ = HangUpCallerAsync();
        try
        {
            CallerGone(end.Cause);
        }
        catch (ObjectDisposedException)
        {
            // The call ended on its own a moment ago.
        }
    }

    /// <summary>The record as closed when the call was ended from outside (called once, at the very end).</summary>
    private void MarkEndedFromOutside()
    {
        if (_endedFromOutside is not { } end)
        {
            return;
        }

        var disposition = _record.Disposition is CallDisposition.Answered or CallDisposition.Voicemail or CallDisposition.Callback
            ? _record.Disposition
            : CallDisposition.NotAnswered;
        _record = _record with { Disposition = disposition, ReleaseCause = end.Cause, ReleasedBy = end.By };
    }
}
