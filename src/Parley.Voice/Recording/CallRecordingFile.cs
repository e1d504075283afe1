using Microsoft.Extensions.Logging;
using Parley.Voice.Records;

namespace Parley.Voice.Recording;

/// <summary>
/// One call's recording on disk, for any kind of call (a caller's, an agent's own, a callback): the file
/// <c>{RecordingsDirectory}/{tenant}/{yyyy-MM-dd}/{callId}.wav</c>, its <see cref="CallRecorder"/> on the node's
/// <see cref="RecordingClock"/>, and, when the call closes, the <see cref="CallRecording"/> its record stores.
/// </summary>
internal sealed class CallRecordingFile
{
    private readonly RecordingClock _clock;
    private readonly string _path;
    private readonly string _relativePath;
    private readonly Guid _id = Guid.CreateVersion7();
    private readonly DateTimeOffset _startedAt;

    private CallRecordingFile(CallRecorder recorder, RecordingClock clock, string path, string relativePath, DateTimeOffset startedAt)
    {
        Recorder = recorder;
        _clock = clock;
        _path = path;
        _relativePath = relativePath;
        _startedAt = startedAt;
        clock.Add(recorder);
    }

    public CallRecorder Recorder { get; }

    public string Path => _path;

    /// <summary>Creates the file and starts writing it; null when it could not be created (logged; the call goes on unrecorded).</summary>
    public static CallRecordingFile? TryStart(string directory, RecordingClock clock, Guid tenantId, Guid callId, DateTimeOffset now, ILogger logger)
    {
        var relative = string.Join(
            '/', tenantId.ToString("D"), now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), callId.ToString("D") + ".wav");
        var path = System.IO.Path.Combine(directory, relative);
        try
        {
            return new CallRecordingFile(CallRecorder.Create(path), clock, path, relative, now);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            RecordingLog.Failed(logger, callId, ex);
            return null;
        }
    }

    /// <summary>
    /// Stops the clock, patches and hashes the file; the recording for the call's record (null when the file failed,
    /// logged). Log it with <see cref="LogStored"/> once the record is saved.
    /// </summary>
    public CallRecording? Finish(Guid callId, DateTimeOffset now, ILogger logger)
    {
        _clock.Remove(Recorder);
        try
        {
            var result = Recorder.Finish();
            return new CallRecording(
                _id, _relativePath, _startedAt, now, result.Duration, result.SizeBytes, result.Sha256, result.Pauses.Count, CallRecording.StereoCustomerAgent);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            RecordingLog.Failed(logger, callId, ex);
            return null;
        }
        finally
        {
            Recorder.Dispose();
        }
    }

    /// <summary>Event 6130 (the recording is finished and stored with its call record): logged after the save.</summary>
    public void LogStored(ILogger logger, Guid callId, CallRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        RecordingLog.Finished(logger, callId, _path, recording.Duration, recording.SizeBytes, recording.Sha256, recording.PauseCount);
    }
}
