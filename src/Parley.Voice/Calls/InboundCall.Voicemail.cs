using Parley.Flows.Execution;
using Parley.Media;
using Parley.Media.Dtmf;
using Parley.Voice.Calls.Ports;
using Parley.Voice.Ivr;
using Parley.Voice.Recording;
using Parley.Voice.Records;

namespace Parley.Voice.Calls;

internal sealed partial class InboundCall
{
    /// <summary>When the call's voicemail was queued (null: none); the CDR then ends with disposition Voicemail.</summary>
    private DateTimeOffset? _voicemailAt;

    /// <summary>
    /// A flow's <c>voicemail</c> (after its greeting): beeps, records the caller (mono WAV under the tenant's recordings
    /// directory) until '#', the maximum length or hang-up, and queues a message with sound as a voicemail interaction. The
    /// recording is the call's recording row (layout <see cref="MonoVoicemail"/>), saved with the CDR. A hang-up while
    /// recording still leaves the message.
    /// </summary>
    private async Task<FlowInput> LeaveVoicemailAsync(VoicemailAction action)
    {
        if (_services.Owner.Voicemails is not { } voicemails || _services.Options.RecordingsDirectory is not { } directory)
        {
            return new VoicemailInput(false, "not_supported");
        }

        var recordingId = Guid.CreateVersion7();
        var relative = string.Join(
            '/', TenantId.ToString("D"), Now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Id.ToString("D") + "-voicemail.wav");
        var path = Path.Combine(directory, relative);

        var beep = new BeepSource();
        Session.Play(beep);
        using (var beeping = CancellationTokenSource.CreateLinkedTokenSource(_life.Token))
        {
            beeping.CancelAfter(TimeSpan.FromSeconds(2));
            while (!beep.Done && !beeping.IsCancellationRequested)
            {
                await Task.Delay(20, CancellationToken.None).ConfigureAwait(false);
            }
        }

        Session.Play(null);
        var pound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnDigit(MediaSession session, DtmfDigit digit)
        {
            if (digit.Digit == '#')
            {
                pound.TrySetResult();
            }
        }

        var startedAt = Now;
        RecordingResult result;
        VoicemailRecorder recorder;
        try
        {
            recorder = VoicemailRecorder.Start(Session, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            RecordingLog.Failed(_services.Logger, Id, ex);
            return new VoicemailInput(false, "recording_failed");
        }

        await using (recorder.ConfigureAwait(false))
        {
            Session.DigitReceived += OnDigit;
            try
            {
                var hangUp = Task.Delay(Timeout.InfiniteTimeSpan, _life.Token);
                var maximum = Task.Delay(action.MaxLength, _services.Time, _life.Token);
                await Task.WhenAny(pound.Task, hangUp, maximum).ConfigureAwait(false);
            }
            finally
            {
                Session.DigitReceived -= OnDigit;
            }

            try
            {
                result = await recorder.FinishAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                RecordingLog.Failed(_services.Logger, Id, ex);
                return new VoicemailInput(false, "recording_failed");
            }

            if (recorder.SoundFrames == 0)
            {
                TryDelete(path);
                return new VoicemailInput(false, "empty");
            }
        }

        var recording = new CallRecording(
            recordingId, relative, startedAt, Now, result.Duration, result.SizeBytes, result.Sha256, 0, MonoVoicemail);
        _record = _record with { Recording = recording, RecordedDuration = result.Duration, RecordingBytes = result.SizeBytes };
        await TryAsync(SaveAsync).ConfigureAwait(false);

        // The caller may have hung up: the message is queued whatever the call's token says.
        var queued = await voicemails.LeaveAsync(
            new VoicemailRequest(TenantId, action.Queue, Id, recordingId, _record.CallerNumber, _record.CalledNumber, result.Duration),
            CancellationToken.None).ConfigureAwait(false);
        if (!queued.Queued)
        {
            RecordingLog.VoicemailRefused(_services.Logger, Id, action.Queue, queued.Refusal ?? "refused");
            return new VoicemailInput(false, queued.Refusal ?? "refused");
        }

        _voicemailAt = Now;
        RecordingLog.VoicemailQueued(_services.Logger, Id, path, result.Duration, result.SizeBytes, result.Sha256, queued.QueueName ?? action.Queue);
        return new VoicemailInput(true);
    }

    /// <summary>The layout of a voicemail recording: the caller alone.</summary>
    public const string MonoVoicemail = "mono:voicemail";

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            RecordingLog.Failed(_services.Logger, Id, ex);
        }
    }
}
