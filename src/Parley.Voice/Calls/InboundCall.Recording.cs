using Parley.Voice.Recording;
using Parley.Voice.Records;

namespace Parley.Voice.Calls;

/// <summary>
/// The call's recording: started at the first bridge, fed by whichever <see cref="AudioBridge"/> is current (so it
/// spans hold and blind transfers to another agent), finished when the call closes.
/// </summary>
internal sealed partial class InboundCall
{
    private CallRecorder? _recorder;
    private string? _recordingPath;
    private string? _recordingRelativePath;
    private Guid _recordingId;
    private DateTimeOffset _recordingStartedAt;

    /// <summary>What the flow's last <c>record</c> block chose (null: none ran).</summary>
    private bool? _flowRecordChoice;

    /// <summary>The recording policy of the queue the call waited in last (null: it waited in none).</summary>
    private int? _queueRecordingPercent;

    /// <summary>The recording's file while the call is recorded.</summary>
    public string? RecordingPath => _recordingPath;

    /// <summary>Pauses the recording (the paused part is silence); false when not recording or already paused.</summary>
    public bool PauseRecording() => _recorder?.Pause() ?? false;

    /// <summary>Resumes a paused recording; false when not recording or not paused.</summary>
    public bool ResumeRecording() => _recorder?.Resume() ?? false;

    /// <summary>Hook: called right after every new bridge; starts the recording on the first one.</summary>
    private void AttachRecorder()
    {
        if (_bridge is null || !_services.Options.Record || _services.Options.RecordingsDirectory is not { } directory)
        {
            return;
        }

        if (_recorder is null)
        {
            if (!RecordingPolicy.ShouldRecord(_services.Options.Record, _flowRecordChoice, _queueRecordingPercent, Id))
            {
                return;
            }

            try
            {
                var relative = string.Join(
                    '/', TenantId.ToString("D"), Now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Id.ToString("D") + ".wav");
                var path = Path.Combine(directory, relative);
                _recorder = CallRecorder.Create(path);
                _recordingPath = path;
                _recordingRelativePath = relative;
                _recordingId = Guid.CreateVersion7();
                _recordingStartedAt = Now;
                _services.Owner.RecordingClock.Add(_recorder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                RecordingLog.Failed(_services.Logger, Id, ex);
                return;
            }
        }

        _bridge.Recorder = _recorder;
    }

    /// <summary>Hook: called once as the call closes.</summary>
    private async Task FinishRecordingAsync()
    {
        if (_recorder is not { } recorder)
        {
            return;
        }

        try
        {
            _services.Owner.RecordingClock.Remove(recorder);
            var result = recorder.Finish();
            var recording = new CallRecording(
                _recordingId, _recordingRelativePath!, _recordingStartedAt, Now, result.Duration, result.SizeBytes, result.Sha256,
                result.Pauses.Count, CallRecording.StereoCustomerAgent);
            _record = _record with { RecordedDuration = result.Duration, RecordingBytes = result.SizeBytes, Recording = recording };

            // The recording's row is written with the CDR, durably, before the call lets go of anything else.
            await TryAsync(SaveAsync).ConfigureAwait(false);
            RecordingLog.Finished(_services.Logger, Id, _recordingPath!, result.Duration, result.SizeBytes, result.Sha256, result.Pauses.Count);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            RecordingLog.Failed(_services.Logger, Id, ex);
        }
        finally
        {
            _services.Owner.RecordingClock.Remove(recorder);
            recorder.Dispose();
        }
    }
}
