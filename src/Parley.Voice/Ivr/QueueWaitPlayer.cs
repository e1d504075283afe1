using Microsoft.Extensions.Logging;
using Parley.Flows.Execution;
using Parley.Media;
using Parley.Media.Audio;
using Parley.Media.Dtmf;
using Parley.Voice.Audio;
using Parley.Voice.Logging;

namespace Parley.Voice.Ivr;

/// <summary>
/// What a queued caller hears: music on hold from the first moment (never dead air, however long the position lookup
/// or the speech synthesis takes), their position and estimated wait spoken as soon as it is ready, and a fresh
/// announcement every <see cref="QueueWaitSettings.AnnouncementInterval"/>; the music resumes where it stopped. The
/// breakout key ends the wait (<see cref="QueueWaitOutcome.Breakout"/>); cancelling the token (an agent answered, the
/// caller hung up) ends it with <see cref="QueueWaitOutcome.Stopped"/>. The session plays
/// nothing afterwards. Keys and frames are handled on the media thread without blocking.
/// </summary>
public sealed class QueueWaitPlayer(
    MediaSession session,
    Guid tenantId,
    ICallAudio audio,
    QueueWaitSettings settings,
    Func<CancellationToken, ValueTask<QueuePosition?>> position,
    TimeProvider time,
    ILogger<QueueWaitPlayer> logger)
{
    /// <summary>Plays until the breakout key or cancellation.</summary>
    public async Task<QueueWaitOutcome> RunAsync(CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.AnnouncementInterval, TimeSpan.Zero, nameof(settings));
        var breakout = new TaskCompletionSource<char>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sequence = new PromptSequence(session, tenantId, audio, logger);
        void OnDigit(MediaSession s, DtmfDigit digit)
        {
            if (digit.Digit == settings.BreakoutDigit && breakout.TrySetResult(digit.Digit))
            {
                sequence.BargeIn();
            }
        }

        session.DigitReceived += OnDigit;
        IAudioFrameSource? music = null;
        try
        {
            music = await audio.OpenMusicOnHoldAsync(tenantId, settings.MusicOnHoldPromptId, cancellationToken).ConfigureAwait(false);
            session.Play(music);
            while (!breakout.Task.IsCompleted)
            {
                if (settings.Announcements)
                {
                    // The announcement is looked up and rendered while the music plays; it then takes the caller's ear.
                    await AnnounceAsync(sequence, cancellationToken).ConfigureAwait(false);
                }

                if (breakout.Task.IsCompleted)
                {
                    break;
                }

                session.Play(music);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                await Task.WhenAny(Task.Delay(settings.Announcements ? settings.AnnouncementInterval : Timeout.InfiniteTimeSpan, time, wait.Token), breakout.Task).ConfigureAwait(false);
                await wait.CancelAsync().ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // An agent answered or the caller hung up.
        }
        finally
        {
            session.DigitReceived -= OnDigit;
            session.Play(null);
            (music as IDisposable)?.Dispose();
        }

        if (breakout.Task.IsCompleted)
        {
            VoiceLog.QueueBreakout(logger, tenantId, breakout.Task.Result);
            return QueueWaitOutcome.Breakout;
        }

        return QueueWaitOutcome.Stopped;
    }

    private async Task AnnounceAsync(PromptSequence sequence, CancellationToken cancellationToken)
    {
        QueuePosition? where;
        try
        {
            where = await position(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            VoiceLog.QueuePositionFailed(logger, tenantId, exception);
            return;
        }

        if (where is not null)
        {
            var phrases = QueueAnnouncement.Phrases(where).Select(p => new PlayPrompt(p, null, settings.Voice, settings.Language)).ToList();
            await sequence.PlayJoinedAsync(phrases, cancellationToken).ConfigureAwait(false);
        }
    }
}
