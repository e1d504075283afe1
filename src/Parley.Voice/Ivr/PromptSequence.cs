using Microsoft.Extensions.Logging;
using Parley.Flows.Execution;
using Parley.Media;
using Parley.Media.Audio;
using Parley.Voice.Audio;

namespace Parley.Voice.Ivr;

/// <summary>
/// Plays a list of prompts on a session one after another. <see cref="BargeIn"/> (called from the media thread when
/// a key is pressed) stops the current prompt and skips the rest; it only sets flags, so it never blocks.
/// </summary>
internal sealed class PromptSequence(MediaSession session, Guid tenantId, ICallAudio audio, ILogger logger)
{
    private TrackedFrameSource? _current;
    private int _barged;

    public bool WasBargedInto => Volatile.Read(ref _barged) != 0;

    /// <summary>Stops the prompt playing now and every later one. Safe from any thread.</summary>
    public void BargeIn()
    {
        Interlocked.Exchange(ref _barged, 1);
        Volatile.Read(ref _current)?.Stop();
    }

    /// <summary>Plays <paramref name="prompts"/> in order; returns when they are done, barged into or cancelled.</summary>
    public async Task PlayAsync(IReadOnlyList<PlayPrompt> prompts, CancellationToken cancellationToken)
    {
        foreach (var prompt in prompts)
        {
            if (WasBargedInto)
            {
                return;
            }

            if (await OpenAsync(prompt, cancellationToken).ConfigureAwait(false) is { } source)
            {
                await PlaySourceAsync(source, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Renders every one of <paramref name="phrases"/> first, then plays them back to back as one prompt: the parts of one
    /// sentence (a spoken number between words) follow each other without a pause for the next one's rendering.
    /// </summary>
    public async Task PlayJoinedAsync(IReadOnlyList<PlayPrompt> phrases, CancellationToken cancellationToken)
    {
        var parts = new List<IAudioFrameSource>(phrases.Count);
        var joined = new ConcatenatedFrameSource(parts);
        try
        {
            foreach (var phrase in phrases)
            {
                if (await OpenAsync(phrase, cancellationToken).ConfigureAwait(false) is { } part)
                {
                    parts.Add(part);
                }
            }
        }
        catch
        {
            joined.Dispose();
            throw;
        }

        if (WasBargedInto)
        {
            joined.Dispose();
            return;
        }

        await PlaySourceAsync(joined, cancellationToken).ConfigureAwait(false);
    }

    private async Task PlaySourceAsync(IAudioFrameSource source, CancellationToken cancellationToken)
    {
        var tracked = new TrackedFrameSource(source);
        Interlocked.Exchange(ref _current, tracked);
        if (WasBargedInto)
        {
            tracked.Stop();
        }

        session.Play(tracked);
        try
        {
            await tracked.Finished.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            tracked.Stop();
            Interlocked.Exchange(ref _current, null);
            (source as IDisposable)?.Dispose();
        }
    }

    private async Task<IAudioFrameSource?> OpenAsync(PlayPrompt prompt, CancellationToken cancellationToken)
    {
        try
        {
            return await audio.OpenPromptAsync(tenantId, prompt, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A prompt that cannot be rendered is skipped rather than ending the call.
            Logging.VoiceLog.PromptFailed(logger, tenantId, prompt.Text ?? prompt.PromptId ?? "", exception);
            return null;
        }
    }
}
