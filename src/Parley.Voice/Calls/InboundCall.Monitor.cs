using Parley.Sip.Stack;
using Parley.Voice.Calls.Control;
using Parley.Voice.Records;

namespace Parley.Voice.Calls;

/// <summary>
/// A supervisor on the live call: their phone is rung and joined to the mix in a mode (listen, whisper, barge) that can
/// change live; they may take the customer (intercept), end the call (release) or leave. One supervisor at a time.
/// </summary>
internal sealed partial class InboundCall
{
    private AgentLeg? _supervisor;
    private AgentLeg? _supervisorRinging;
    private Guid? _supervisorId;
    private MonitorMode _mode;

    /// <summary>Carries out a supervisor's command; true when the call is over.</summary>
    private async Task<bool> SuperviseAsync(CallSignal.Supervise supervise)
    {
        var done = supervise.Done;
        if (!Talking)
        {
            done.TrySetResult(CallControlResult.NotConnected);
            return false;
        }

        switch (supervise.Command)
        {
            case SupervisorCommand.Monitor monitor:
                await MonitorAsync(supervise.SupervisorId, monitor, done).ConfigureAwait(false);
                return false;
            case SupervisorCommand.Release:
                CallLog.Supervised(_services.Logger, Id, supervise.SupervisorId, "release");
                if (_agent is not null)
                {
                    await ReleaseBridgedAsync("supervisor_release", CallParty.Supervisor, hangUpCaller: true).ConfigureAwait(false);
                }
                else
                {
                    await ReleaseConferenceAsync("supervisor_release", CallParty.Supervisor, hangUpCaller: true).ConfigureAwait(false);
                }

                done.TrySetResult(CallControlResult.Done);
                return true;
        }

        if (_supervisorId != supervise.SupervisorId || (_supervisor is null && _supervisorRinging is null))
        {
            done.TrySetResult(new CallControlResult(CallControlOutcome.Refused, "You are not on this call: monitor it first."));
            return false;
        }

        switch (supervise.Command)
        {
            case SupervisorCommand.SetMode setMode when _supervisor is null:
                // Still ringing: the new mode applies when they answer.
                _mode = setMode.Mode;
                break;
            case SupervisorCommand.SetMode when _agent is null:
                done.TrySetResult(new CallControlResult(CallControlOutcome.Refused, "You have taken the call: there is no agent to listen to or whisper to."));
                return false;
            case SupervisorCommand.SetMode setMode:
                _mode = setMode.Mode;
                Remix();
                CallLog.Supervised(_services.Logger, Id, supervise.SupervisorId, "mode " + setMode.Mode);
                break;
            case SupervisorCommand.Intercept when _supervisor is null || _agent is null:
                done.TrySetResult(new CallControlResult(CallControlOutcome.Refused, _supervisor is null ? "Your phone has not answered yet." : "The call has no agent to take it from."));
                return false;
            case SupervisorCommand.Intercept:
                CallLog.Supervised(_services.Logger, Id, supervise.SupervisorId, "intercept");
                _mode = MonitorMode.Barge;
                await ReleaseAgentLegAsync("intercepted", fromRefer: false, hangUp: true).ConfigureAwait(false);
                Remix();
                break;
            case SupervisorCommand.Leave:
                CallLog.Supervised(_services.Logger, Id, supervise.SupervisorId, "leave");
                if (_supervisorRinging is { } ringing)
                {
                    ringing.Cancel();
                    done.TrySetResult(CallControlResult.Done);
                    return false;
                }

                await EndMemberAsync(_supervisor!, "supervisor_left", hangUp: true).ConfigureAwait(false);
                Remix();
                done.TrySetResult(CallControlResult.Done);
                return await EndIfAloneAsync().ConfigureAwait(false);
        }

        done.TrySetResult(CallControlResult.Done);
        return false;
    }

    private async Task MonitorAsync(Guid supervisorId, SupervisorCommand.Monitor monitor, TaskCompletionSource<CallControlResult> done)
    {
        if (_agent is null)
        {
            done.TrySetResult(CallControlResult.NotConnected);
            return;
        }

        if (_supervisor is not null || _supervisorRinging is not null)
        {
            done.TrySetResult(new CallControlResult(CallControlOutcome.Refused, "A supervisor is already on this call."));
            return;
        }

        if (Consulting)
        {
            done.TrySetResult(new CallControlResult(CallControlOutcome.Refused, "The call is in a consultation; join once it is completed or cancelled."));
            return;
        }

        if (_heldSince is not null)
        {
            done.TrySetResult(new CallControlResult(CallControlOutcome.Refused, "The call is on hold."));
            return;
        }

        _supervisorId = supervisorId;
        _mode = monitor.Mode;
        var options = new SipInviteOptions
        {
            From = $"sip:{_record.CallerNumber ?? "anonymous"}@{_localAddress}",
            FromDisplayName = $"Monitor: {_record.CallerNumber ?? "anonymous"}",
            Route = monitor.Route,
        };
        var record = NewLeg(CallParty.Supervisor, monitor.PhoneUri, monitor.SupervisorAgentId);
        CallLog.Supervised(_services.Logger, Id, supervisorId, "monitor " + monitor.Mode);
        _supervisorRinging = await RingToJoinAsync(monitor.PhoneUri, monitor.SupervisorAgentId ?? Guid.Empty, options, record, done).ConfigureAwait(false);
    }
}
