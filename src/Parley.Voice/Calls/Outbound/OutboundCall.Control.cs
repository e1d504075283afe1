using Parley.Voice.Calls.Control;
using Parley.Voice.Records;

namespace Parley.Voice.Calls.Outbound;

internal sealed partial class OutboundCall
{
    private DateTimeOffset? _heldSince;
    private bool _muted;
    private volatile LiveCallView? _view;

    /// <summary>The call as the workspace shows it; null until the destination answered.</summary>
    public LiveCallView? View => _view;

    /// <summary>
    /// Carries out the agent's command on the bridged call: hold (the other side hears music), resume, mute, keys, pausing
    /// and resuming the recording, and hang up; transfer and conference are refused on agents' own calls. True when the
    /// call is over.
    /// </summary>
    private async Task<bool> ControlAsync(CallSignal.Control control)
    {
        if (control.AgentId != AgentId)
        {
            control.Done.TrySetResult(CallControlResult.NotFound);
            return false;
        }

        if (control.Command is CallCommand.HangUp)
        {
            // Also while either phone still rings: the agent gives up the call.
            Release("agent_hangup", CallParty.Agent, _bridge is null ? CallDisposition.NotAnswered : CallDisposition.Answered);
            control.Done.TrySetResult(CallControlResult.Done);
            return true;
        }

        if (_bridge is null)
        {
            control.Done.TrySetResult(CallControlResult.NotConnected);
            return false;
        }

        var far = _far!.Session;
        switch (control.Command)
        {
            case CallCommand.Hold when _heldSince is null:
                _bridge.Held = true;
                try
                {
                    far.Play(await _services.Audio.OpenMusicOnHoldAsync(TenantId, CancellationToken.None).ConfigureAwait(false));
                }
                catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
                {
                    OutboundLog.CleanupFailed(_services.Logger, Id, ex);
                }

                _heldSince = Now;
                _record = _record with { HoldCount = _record.HoldCount + 1 };
                await SaveAsync().ConfigureAwait(false);
                break;
            case CallCommand.Resume when _heldSince is not null:
                far.Play(null);
                _bridge.Held = false;
                EndHold();
                await SaveAsync().ConfigureAwait(false);
                break;
            case CallCommand.Hold or CallCommand.Resume:
                break;
            case CallCommand.Mute or CallCommand.Unmute:
                _muted = control.Command is CallCommand.Mute;
                _bridge.Muted = _muted;
                break;
            case CallCommand.PauseRecording or CallCommand.ResumeRecording:
                if (_recording is null)
                {
                    control.Done.TrySetResult(new CallControlResult(CallControlOutcome.Refused, "This call is not being recorded."));
                    return false;
                }

                _ = control.Command is CallCommand.PauseRecording ? _recording.Recorder.Pause() : _recording.Recorder.Resume();
                break;
            case CallCommand.SendDigits digits:
                if (!far.SendDigits(digits.Digits))
                {
                    control.Done.TrySetResult(new CallControlResult(CallControlOutcome.Refused, "The other phone does not take RFC 4733 keys, or a key is not 0-9, *, #, A-D."));
                    return false;
                }

                break;
            default:
                control.Done.TrySetResult(new CallControlResult(CallControlOutcome.Refused, "Transfer and conference are not available on calls the agent placed."));
                return false;
        }

        Publish();
        control.Done.TrySetResult(CallControlResult.Done);
        return false;
    }

    /// <summary>Adds the hold in progress (if any) to the record's hold time.</summary>
    private void EndHold()
    {
        if (_heldSince is { } since)
        {
            _record = _record with { HoldDuration = _record.HoldDuration + (Now - since) };
            _heldSince = null;
        }
    }

    private void Publish() => _view = new LiveCallView(
        Id, TenantId, AgentId, InteractionId, _heldSince, _muted, _record.HoldCount, Recording: _recording is null ? "off" : _recording.Recorder.Paused ? "paused" : "on");
}
