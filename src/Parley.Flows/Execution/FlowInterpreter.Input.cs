using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Parley.Flows.Json;
using Parley.Flows.Model;

namespace Parley.Flows.Execution;

public sealed partial class FlowInterpreter
{
    private const double DefaultTimeoutSeconds = 5;
    private const double DefaultInterDigitSeconds = 3;
    private const int DefaultRetries = 2;

    private StepMove OnInput(FlowBlock block, FlowInput input, StepContext step) => block switch
    {
        PlayBlock play => input is HttpResultInput or TransferFailedInput ? StepMove.Wait(ContinueAction.Instance) : StepMove.Go(play.Next, "next"),
        MenuBlock menu => MenuInput(menu, input, step),
        CollectDigitsBlock collect => CollectInput(collect, input, step),
        HttpRequestBlock http => input is HttpResultInput result ? HttpInput(http, result, step) : StepMove.Wait(ContinueAction.Instance),
        TransferToQueueBlock queue => TransferInput(queue.OnFailure, input, step),
        TransferToAgentBlock agent => TransferInput(agent.OnFailure, input, step),
        TransferToNumberBlock number => TransferInput(number.OnFailure, input, step),
        OfferCallbackBlock callback => TransferInput(callback.OnFailure, input, step),
        VoicemailBlock voicemail => VoicemailResult(voicemail, input, step),
        _ => StepMove.Wait(ContinueAction.Instance),
    };

    private StepMove MenuInput(MenuBlock menu, FlowInput input, StepContext step)
    {
        var options = menu.Options ?? [];
        switch (input)
        {
            case DigitsInput digits when digits.Digits.Length > 0:
                var index = options.FindIndex(o => o.Digit == digits.Digits);
                return index >= 0 ? StepMove.Go(options[index].Next, $"options/{index}/next") : Retry(menu, step, noInput: false);
            case DigitsInput:
            case TimeoutInput:
                return Retry(menu, step, noInput: true);
            case SpeechInput speech:
                if (speech.Confidence >= (menu.MinConfidence ?? 0.5))
                {
                    for (var i = 0; i < options.Count; i++)
                    {
                        if ((options[i].Keywords ?? []).Exists(k => ContainsPhrase(speech.Words, k)))
                        {
                            return StepMove.Go(options[i].Next, $"options/{i}/next");
                        }
                    }
                }
                return Retry(menu, step, noInput: false);
            default:
                return StepMove.Wait(ContinueAction.Instance);
        }
    }

    private StepMove CollectInput(CollectDigitsBlock collect, FlowInput input, StepContext step)
    {
        if (input is TimeoutInput || input is DigitsInput { Digits.Length: 0 })
        {
            return Retry(collect, step, noInput: true);
        }
        if (input is not DigitsInput digits)
        {
            return input is SpeechInput ? Retry(collect, step, noInput: false) : StepMove.Wait(ContinueAction.Instance);
        }
        var entered = digits.Digits;
        var terminator = Terminator(collect);
        if (terminator is { } t && entered.EndsWith(t))
        {
            entered = entered[..^1];
        }
        if (entered.Length == 0)
        {
            return Retry(collect, step, noInput: true);
        }
        if (!IsValidEntry(collect, entered))
        {
            return Retry(collect, step, noInput: false);
        }
        if (collect.Variable is not null)
        {
            step.State.Variables[collect.Variable] = entered;
        }
        return StepMove.Go(collect.Next, "next");
    }

    private bool IsValidEntry(CollectDigitsBlock collect, string entered)
    {
        if (entered.Length < (collect.MinDigits ?? 1) || entered.Length > (collect.MaxDigits ?? 20)
            || !entered.All(c => char.IsAsciiDigit(c) || c is '*' or '#'))
        {
            return false;
        }
        if (collect.Pattern is null)
        {
            return true;
        }
        try
        {
            return Regex.IsMatch(entered, collect.Pattern, RegexOptions.CultureInvariant, _options.RegexTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private StepMove Retry(MenuBlock menu, StepContext step, bool noInput)
    {
        if (++step.State.Attempts > (menu.Retries ?? DefaultRetries))
        {
            return Exhausted(noInput ? menu.OnNoInput : menu.OnInvalid, noInput);
        }
        return StepMove.Wait(Gather(menu, step, noInput ? menu.NoInputPrompt : menu.InvalidPrompt));
    }

    private StepMove Retry(CollectDigitsBlock collect, StepContext step, bool noInput)
    {
        if (++step.State.Attempts > (collect.Retries ?? DefaultRetries))
        {
            return Exhausted(noInput ? collect.OnNoInput : collect.OnInvalid, noInput);
        }
        return StepMove.Wait(Gather(collect, step, noInput ? collect.NoInputPrompt : collect.InvalidPrompt));
    }

    private static StepMove Exhausted(string? target, bool noInput) =>
        target is null
            ? StepMove.Wait(new HangUpAction(noInput ? "no-input" : "invalid-input"))
            : StepMove.Go(target, noInput ? "onNoInput" : "onInvalid");

    private static GatherAction Gather(MenuBlock menu, StepContext step, FlowPrompt? retryPrompt)
    {
        var options = menu.Options ?? [];
        var maxDigits = Math.Max(1, options.Select(o => o.Digit?.Length ?? 0).DefaultIfEmpty(1).Max());
        return new GatherAction(
            Prompts(step, retryPrompt, menu.Prompt),
            menu.BargeIn ?? true,
            TimeSpan.FromSeconds(menu.TimeoutSeconds ?? DefaultTimeoutSeconds),
            maxDigits,
            null,
            TimeSpan.FromSeconds(DefaultInterDigitSeconds),
            options.SelectMany(o => o.Keywords ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            step.State.Language);
    }

    private static GatherAction Gather(CollectDigitsBlock collect, StepContext step, FlowPrompt? retryPrompt) =>
        new(
            Prompts(step, retryPrompt, collect.Prompt),
            collect.BargeIn ?? true,
            TimeSpan.FromSeconds(collect.TimeoutSeconds ?? DefaultTimeoutSeconds),
            collect.MaxDigits ?? 20,
            Terminator(collect),
            TimeSpan.FromSeconds(collect.InterDigitTimeoutSeconds ?? DefaultInterDigitSeconds),
            [],
            step.State.Language);

    private static char? Terminator(CollectDigitsBlock collect) =>
        collect.Terminator is null ? '#' : collect.Terminator.Length == 0 ? null : collect.Terminator[0];

    private static StepMove HttpInput(HttpRequestBlock http, HttpResultInput result, StepContext step)
    {
        var variables = step.State.Variables;
        variables["httpStatus"] = result.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "";
        if (!result.Succeeded)
        {
            return StepMove.Go(http.OnError ?? http.Next, "onError");
        }
        if (http.Response is { Count: > 0 } mapping)
        {
            JsonNode? body;
            try
            {
                body = JsonNode.Parse(result.Body ?? "");
            }
            catch (JsonException)
            {
                return StepMove.Go(http.OnError ?? http.Next, "onError");
            }
            foreach (var (name, pointer) in mapping)
            {
                variables[name] = JsonPointer.TryResolve(body, pointer, out var node) ? AsText(node) : "";
            }
        }
        return StepMove.Go(http.Next, "next");
    }

    private static string AsText(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    private static StepMove TransferInput(string? onFailure, FlowInput input, StepContext step)
    {
        if (input is not TransferFailedInput failed)
        {
            return StepMove.Wait(ContinueAction.Instance);
        }
        step.State.Outcome = null;
        step.State.Variables["transferError"] = failed.Reason;
        return onFailure is null ? StepMove.Wait(new HangUpAction("transfer-failed")) : StepMove.Go(onFailure, "onFailure");
    }

    /// <summary>
    /// After a voicemail: a queued message goes to <c>next</c> (or ends the call with outcome <c>voicemail</c>); an empty
    /// or refused one to <c>onEmpty</c> (or ends the call), with the reason in <c>voicemailError</c>.
    /// </summary>
    private static StepMove VoicemailResult(VoicemailBlock voicemail, FlowInput input, StepContext step)
    {
        if (input is not VoicemailInput result)
        {
            return StepMove.Wait(ContinueAction.Instance);
        }
        if (result.Queued)
        {
            step.State.Outcome = "voicemail";
            return voicemail.Next is null ? StepMove.Wait(new HangUpAction("voicemail")) : StepMove.Go(voicemail.Next, "next");
        }
        step.State.Variables["voicemailError"] = result.Reason ?? "empty";
        return voicemail.OnEmpty is null ? StepMove.Wait(new HangUpAction("voicemail-empty")) : StepMove.Go(voicemail.OnEmpty, "onEmpty");
    }

    /// <summary>True when <paramref name="phrase"/> occurs in <paramref name="words"/> as whole words, ignoring case.</summary>
    private static bool ContainsPhrase(string words, string phrase)
    {
        var haystack = " " + string.Join(' ', words.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant() + " ";
        var needle = " " + string.Join(' ', phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant() + " ";
        return needle.Trim().Length > 0 && haystack.Contains(needle, StringComparison.Ordinal);
    }
}
