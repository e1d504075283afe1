using System.Text;
using Microsoft.Extensions.Logging;
using Parley.Flows.Execution;
using Parley.Speech.Recognition;
using Parley.Voice.Logging;

namespace Parley.Voice.Ivr;

public sealed partial class VoiceFlowHost
{
    /// <summary>
    /// Plays the prompts, then waits for keys and (with keywords) speech, whichever comes first: keys until
    /// <see cref="GatherAction.MaxDigits"/>, the terminator (kept in the answer) or <see cref="GatherAction.InterDigitTimeout"/>
    /// after the last key; speech until the recogniser decides. Nothing within <see cref="GatherAction.Timeout"/> after
    /// the prompts answers <see cref="TimeoutInput"/>.
    /// </summary>
    private async Task<FlowInput> GatherAsync(GatherAction action, CancellationToken cancellationToken)
    {
        await PlayAsync(action.Prompts, action.BargeIn, cancellationToken).ConfigureAwait(false);

        // The recogniser is taken only now, so a decoder is not held while prompts play (keys pressed while waiting
        // for one stay buffered and are read first).
        var recognition = _digits.Reader.TryPeek(out _) ? null : await StartRecognitionAsync(action, cancellationToken).ConfigureAwait(false);
        var listener = recognition is null ? null : new SpeechListener(_session, recognition);
        try
        {
            var input = await CollectAsync(action, listener, cancellationToken).ConfigureAwait(false);
            VoiceLog.GatherEnded(_logger, _tenantId, input.ToString());
            return input;
        }
        finally
        {
            if (listener is not null)
            {
                await listener.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<FlowInput> CollectAsync(GatherAction action, SpeechListener? listener, CancellationToken cancellationToken)
    {
        var entered = new StringBuilder();
        var deadline = _time.GetTimestamp() + Ticks(action.Timeout);
        var speech = listener?.Result;
        while (true)
        {
            while (_digits.Reader.TryRead(out var digit))
            {
                entered.Append(digit);
                if (listener is not null)
                {
                    // Keys won: the recogniser is stopped and freed now.
                    await listener.DisposeAsync().ConfigureAwait(false);
                    listener = null;
                    speech = null;
                }

                if (digit == action.Terminator || entered.Length >= Math.Max(1, action.MaxDigits))
                {
                    return new DigitsInput(entered.ToString());
                }

                deadline = _time.GetTimestamp() + Ticks(action.InterDigitTimeout);
            }

            var remaining = _time.GetElapsedTime(_time.GetTimestamp(), deadline);
            if (remaining <= TimeSpan.Zero)
            {
                return entered.Length > 0 ? new DigitsInput(entered.ToString()) : FlowInput.Timeout;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var key = _digits.Reader.WaitToReadAsync(wait.Token).AsTask();
            var timer = Task.Delay(remaining, _time, wait.Token);
            var done = speech is null
                ? await Task.WhenAny(key, timer).ConfigureAwait(false)
                : await Task.WhenAny(key, timer, speech).ConfigureAwait(false);
            await wait.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (done == speech && speech is not null && entered.Length == 0)
            {
                if (await SpeechAnswerAsync(speech).ConfigureAwait(false) is { } heard)
                {
                    return heard;
                }

                speech = null; // Silence or a failure: keys may still come until the timeout.
            }
        }
    }

    /// <summary>
    /// What the flow hears: the keyword (or the recogniser's best guess, empty if none) with its confidence, so the
    /// interpreter applies the menu's own threshold and takes its invalid-input path for a no-match. Null for no speech.
    /// </summary>
    private async Task<FlowInput?> SpeechAnswerAsync(Task<RecognitionResult> speech)
    {
        try
        {
            var result = await speech.ConfigureAwait(false);
            return result.Outcome == RecognitionOutcome.NoInput ? null : new SpeechInput(result.Keyword ?? "", result.Confidence);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            VoiceLog.RecognitionFailed(_logger, _tenantId, exception);
            return null;
        }
    }

    /// <summary>Opens a recogniser for the gather's keywords, or null when there are none or the engine cannot hear them.</summary>
    private async Task<IRecognitionSession?> StartRecognitionAsync(GatherAction action, CancellationToken cancellationToken)
    {
        if (action.Keywords.Count == 0)
        {
            return null;
        }

        var language = string.IsNullOrWhiteSpace(action.Language) ? "en-us" : action.Language;
        if (!action.Keywords.All(k => _speech.CanRecognise(k, language)))
        {
            VoiceLog.SpeechUnavailable(_logger, _tenantId, language, string.Join(", ", action.Keywords));
            return null;
        }

        try
        {
            // The threshold is the menu's (the interpreter applies it); the engine reports its best guess either way.
            return await _speech.StartAsync(new RecognitionRequest(action.Keywords) { Language = language.ToLowerInvariant() }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            VoiceLog.RecognitionFailed(_logger, _tenantId, exception);
            return null;
        }
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);
}
