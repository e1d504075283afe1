using Microsoft.Extensions.Logging;
using Parley.Flows.Execution;
using Parley.Voice.Calls.Ports;
using Parley.Voice.Ivr;
using Parley.Voice.Numbers;
using Parley.Voice.Records;

namespace Parley.Voice.Calls;

internal sealed partial class InboundCall
{
    /// <summary>The routing end reason of an overflow to voicemail (the queue's max wait, max size or KPI rule).</summary>
    internal const string OverflowVoicemail = "overflow_voicemail";

    /// <summary>The routing end reason of an overflow to a callback.</summary>
    internal const string OverflowCallback = "overflow_callback";

    /// <summary>What a caller whose queue overflows to voicemail hears when the queue has no greeting of its own.</summary>
    internal const string DefaultVoicemailGreeting =
        "Sorry, all our agents are busy. Please leave a message after the tone, and press the pound key when you have finished.";

    /// <summary>What a caller who left a message on an overflow hears before the call ends (unless they hung up).</summary>
    internal const string VoicemailThanks = "Thank you for your message. Goodbye.";

    /// <summary>What a caller whose queue overflows to a callback hears before the call ends.</summary>
    internal const string CallbackPromise =
        "Sorry, all our agents are busy. We will call you back at the number you are calling from, and you keep your place in line. Goodbye.";

    /// <summary>What a caller hears when the overflow target cannot take their call (no voicemail storage, no number to call).</summary>
    internal const string OverflowApology = "Sorry, we cannot take your call now. Please call again later. Goodbye.";

    /// <summary>
    /// The caller's interaction overflowed out of its queue to voicemail or a callback (routing already counts it as
    /// overflowed there): the caller leaves a message for the queue exactly as a flow's <c>voicemail</c> block records
    /// it, or is told they will be called back and a callback keeping their place is queued to their number; then
    /// Parley hangs up. The CDR ends with disposition Voicemail or Callback, or NotAnswered when neither was possible.
    /// </summary>
    private async Task OverflowAsync(string reason)
    {
        await StopWaitingAsync().ConfigureAwait(false);
        await StopRingingAsync().ConfigureAwait(false);
        var queue = _record.QueueId?.ToString() ?? _queue?.QueueId?.ToString();
        CallLog.Overflowed(_services.Logger, Id, queue ?? "none", reason);
        var failure = queue is null ? "no_queue"
            : reason == OverflowVoicemail ? await OverflowToVoicemailAsync(queue).ConfigureAwait(false)
            : await OverflowToCallbackAsync(queue).ConfigureAwait(false);
        if (failure is null)
        {
            _record = reason == OverflowVoicemail
                ? _record with { Disposition = CallDisposition.Voicemail, ReleaseCause = OverflowVoicemail, ReleasedBy = _life.IsCancellationRequested ? CallParty.Caller : CallParty.System }
                : _record with { Disposition = CallDisposition.Callback, ReleaseCause = OverflowCallback, ReleasedBy = CallParty.System };
        }
        else
        {
            CallLog.OverflowFailed(_services.Logger, Id, reason, failure);
            _record = _record with
            {
                Disposition = CallDisposition.NotAnswered,
                ReleaseCause = reason + "_" + failure,
                ReleasedBy = _life.IsCancellationRequested ? CallParty.Caller : CallParty.System,
            };
            await SayAsync(OverflowApology).ConfigureAwait(false);
        }

        if (!_life.IsCancellationRequested)
        {
            await HangUpCallerAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The greeting, the flow's voicemail recording for <paramref name="queue"/>, then thanks; null when a message was queued.</summary>
    private async Task<string?> OverflowToVoicemailAsync(string queue)
    {
        var settings = _record.QueueId is { } queueId ? await _services.Waiting.GetAsync(TenantId, queueId, _life.Token).ConfigureAwait(false) : null;
        var greeting = settings?.VoicemailGreetingPromptId is { } promptId
            ? new PlayPrompt(null, promptId.ToString(), null, null)
            : new PlayPrompt(DefaultVoicemailGreeting, null, null, null);
        await PlayAsync(greeting).ConfigureAwait(false);
        if (_life.IsCancellationRequested)
        {
            return "caller_hangup";
        }

        var left = await LeaveVoicemailAsync(new VoicemailAction([], queue, _services.Options.OverflowVoicemailMaxLength)).ConfigureAwait(false);
        if (left is not VoicemailInput { Queued: true })
        {
            return (left as VoicemailInput)?.Reason ?? "refused";
        }

        await SayAsync(VoicemailThanks).ConfigureAwait(false);
        return null;
    }

    /// <summary>A callback to the caller's number in <paramref name="queue"/> with their place, then the promise; null when queued.</summary>
    private async Task<string?> OverflowToCallbackAsync(string queue)
    {
        if (!E164.TryNormalise(_record.CallerNumber, NumberingRule.None, out var number))
        {
            return "no_caller_number";
        }

        var result = await RequestCallbackAsync(new OfferCallbackAction(queue, number)).ConfigureAwait(false);
        if (result is TransferFailedInput failed)
        {
            return failed.Reason;
        }

        await SayAsync(CallbackPromise).ConfigureAwait(false);
        return null;
    }

    private Task SayAsync(string text) => PlayAsync(new PlayPrompt(text, null, null, null));

    /// <summary>Plays one prompt to the caller to its end (or until they hang up); a prompt that cannot be opened is skipped.</summary>
    private async Task PlayAsync(PlayPrompt prompt)
    {
        if (_life.IsCancellationRequested)
        {
            return;
        }

        var sequence = new PromptSequence(Session, TenantId, _services.Audio, _services.Loggers.CreateLogger<PromptSequence>());
        try
        {
            await sequence.PlayAsync([prompt], _life.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_life.IsCancellationRequested)
        {
            // The caller hung up during the prompt.
        }
        finally
        {
            Session.Play(null);
        }
    }
}
