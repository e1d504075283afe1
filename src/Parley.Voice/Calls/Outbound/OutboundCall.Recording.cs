using Parley.Voice.Recording;
using Parley.Voice.Records;

namespace Parley.Voice.Calls.Outbound;

/// <summary>
/// Recording of calls to outside numbers (click to dial and callbacks; internal calls between agents are not recorded):
/// by the platform's switch and the queue's policy, as for callers, from the moment both sides answered until the call
/// closes; pause and resume from the API as on any call.
/// </summary>
internal sealed partial class OutboundCall
{
    private CallRecordingFile? _recording;

    /// <summary>The finished recording, stored with the call's last save.</summary>
    private (CallRecordingFile File, CallRecording Recording)? _finished;

    /// <summary>Hook: the far end and the agent are bridged; starts the recording when the policy says so.</summary>
    private async Task StartRecordingAsync()
    {
        if (_bridge is null || _dial.Destination is not OutboundDestination.Number || !_services.Options.Record
            || _services.Options.RecordingsDirectory is not { } directory)
        {
            return;
        }

        var percent = _dial.QueueId != Guid.Empty && _services.Queues is { } queues
            ? (await queues.GetAsync(TenantId, _dial.QueueId, CancellationToken.None).ConfigureAwait(false))?.RecordingPercent
            : null;
        if (!RecordingPolicy.ShouldRecord(true, null, percent, Id))
        {
            return;
        }

        _recording = CallRecordingFile.TryStart(directory, _services.RecordingClock, TenantId, Id, Now, _services.Logger);
        _bridge.Recorder = _recording?.Recorder;
    }

    /// <summary>Hook: the call closes; the recording goes into the call's record.</summary>
    private void FinishRecording()
    {
        if (_recording?.Finish(Id, Now, _services.Logger) is { } recording)
        {
            _record = _record with { RecordedDuration = recording.Duration, RecordingBytes = recording.SizeBytes, Recording = recording };
            _finished = (_recording, recording);
        }

        _recording = null;
    }

    /// <summary>Hook: the call's last save is done; the recording is stored with it.</summary>
    private void RecordingStored() => _finished?.File.LogStored(_services.Logger, Id, _finished.Value.Recording);
}
