using Parley.Voice.Recording;

namespace Parley.Voice.Calls;

/// <summary>
/// The call's recording: started at the first bridge, fed by whichever <see cref="AudioBridge"/> is current (so it
/// spans hold and blind transfers to another agent), finished when the call closes.
/// </summary>
internal sealed partial class InboundCall
{
    private CallRecordingFile? _recording;

    /// <summary>What the flow's last <c>record</c> block chose (null: none ran).</summary>
    private bool? _flowRecordChoice;

    /// <summary>The recording policy of the queue the call waited in last (null: it waited in none).</summary>
    private int? _queueRecordingPercent;

    /// <summary>The recording's file while the call is recorded.</summary>
    public string? RecordingPath => _recording?.Path;

    /// <summary>Pauses the recording (the paused part is silence); false when not recording or already paused.</summary>
    public bool PauseRecording() => _recording?.Recorder.Pause() ?? false;

    /// <summary>Resumes a paused recording; false when not recording or not paused.</summary>
    public bool ResumeRecording() => _recording?.Recorder.Resume() ?? false;

    /// <summary>Hook: called right after every new bridge; starts the recording on the first one.</summary>
    private void AttachRecorder()
    {
        if (_bridge is null || !_services.Options.Record || _services.Options.RecordingsDirectory is not { } directory)
        {
            return;
        }

        if (_recording is null)
        {
            if (!RecordingPolicy.ShouldRecord(_services.Options.Record, _flowRecordChoice, _queueRecordingPercent, Id))
            {
                return;
            }

            _recording = CallRecordingFile.TryStart(directory, _services.Owner.RecordingClock, TenantId, Id, Now, _services.Logger);
            if (_recording is null)
            {
                return;
            }
        }

        _bridge.Recorder = _recording.Recorder;
    }

    /// <summary>Hook: called once as the call closes.</summary>
    private async Task FinishRecordingAsync()
    {
        if (_recording?.Finish(Id, Now, _services.Logger) is { } recording)
        {
            _record = _record with { RecordedDuration = recording.Duration, RecordingBytes = recording.SizeBytes, Recording = recording };

            // The recording's row is written with the CDR, durably, before the call lets go of anything else.
            await TryAsync(SaveAsync).ConfigureAwait(false);
            _recording.LogStored(_services.Logger, Id, recording);
        }
    }
}
