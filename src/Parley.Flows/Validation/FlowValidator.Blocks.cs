using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Parley.Flows.Expressions;
using Parley.Flows.Json;
using Parley.Flows.Model;

namespace Parley.Flows.Validation;

public sealed partial class FlowValidator
{
    private static readonly HashSet<string> HttpMethods = new(StringComparer.OrdinalIgnoreCase) { "GET", "POST", "PUT", "PATCH", "DELETE" };

    private void CheckBlock(FlowBlock block, string p, FlowValidationContext context, List<FlowValidationError> errors)
    {
        switch (block)
        {
            case StartBlock start:
                Required(start.Next, p + "/next", "next", errors);
                break;
            case PlayBlock play:
                CheckPrompt(play.Prompt, p + "/prompt", required: true, context, errors);
                Required(play.Next, p + "/next", "next", errors);
                break;
            case MenuBlock menu:
                CheckMenu(menu, p, context, errors);
                break;
            case CollectDigitsBlock collect:
                CheckCollect(collect, p, context, errors);
                break;
            case SetVariablesBlock set:
                if (set.Values is null or { Count: 0 })
                {
                    errors.Add(new(p + "/values", FlowErrorKind.MissingField, "The block sets no variables; 'values' is required."));
                }
                foreach (var (name, value) in set.Values ?? [])
                {
                    var at = JsonPointer.Append(p + "/values", name);
                    CheckVariableName(name, at, errors);
                    CheckTemplate(value, at, errors);
                }
                Required(set.Next, p + "/next", "next", errors);
                break;
            case ConditionBlock condition:
                CheckCondition(condition, p, errors);
                break;
            case BusinessHoursBlock hours:
                if (Required(hours.ScheduleId, p + "/scheduleId", "scheduleId", errors)
                    && context.References is { } refs && !refs.ScheduleExists(hours.ScheduleId!))
                {
                    errors.Add(new(p + "/scheduleId", FlowErrorKind.UnknownSchedule, $"The tenant has no business-hours schedule '{hours.ScheduleId}'."));
                }
                Required(hours.Open, p + "/open", "open", errors);
                Required(hours.Closed, p + "/closed", "closed", errors);
                break;
            case HttpRequestBlock http:
                CheckHttp(http, p, errors);
                break;
            case DistributeBlock distribute:
                CheckDistribute(distribute, p, errors);
                break;
            case SetLanguageBlock language:
                if (Required(language.Language, p + "/language", "language", errors))
                {
                    CheckLanguage(language.Language, p + "/language", context, errors);
                }
                CheckVoice(language.Voice, p + "/voice", context, errors);
                Required(language.Next, p + "/next", "next", errors);
                break;
            case RecordBlock record:
                if (Required(record.Recording, p + "/recording", "recording", errors) && record.Recording is not (RecordBlock.On or RecordBlock.Off))
                {
                    errors.Add(new(p + "/recording", FlowErrorKind.InvalidValue, "'recording' is \"on\" or \"off\"."));
                }
                Required(record.Next, p + "/next", "next", errors);
                break;
            case TransferToQueueBlock queue:
                if (Required(queue.Queue, p + "/queue", "queue", errors)
                    && context.References is { } queues && !queues.QueueExists(queue.Queue!))
                {
                    errors.Add(new(p + "/queue", FlowErrorKind.UnknownQueue, $"The tenant has no queue '{queue.Queue}'."));
                }
                if (queue.Priority is < 0 or > 100)
                {
                    errors.Add(new(p + "/priority", FlowErrorKind.InvalidValue, "The priority must be between 0 and 100."));
                }
                for (var i = 0; i < (queue.Skills?.Count ?? 0); i++)
                {
                    CheckTemplate(queue.Skills![i], $"{p}/skills/{i}", errors);
                }
                foreach (var (name, value) in queue.Attributes ?? [])
                {
                    CheckTemplate(value, JsonPointer.Append(p + "/attributes", name), errors);
                }
                break;
            case TransferToAgentBlock agent:
                if (Required(agent.Agent, p + "/agent", "agent", errors))
                {
                    CheckTemplate(agent.Agent!, p + "/agent", errors);
                }
                break;
            case TransferToNumberBlock number:
                if (Required(number.Number, p + "/number", "number", errors))
                {
                    CheckTemplate(number.Number!, p + "/number", errors);
                }
                if (number.CallerId is not null)
                {
                    CheckTemplate(number.CallerId, p + "/callerId", errors);
                }
                break;
            case OfferCallbackBlock callback:
                if (Required(callback.Queue, p + "/queue", "queue", errors)
                    && context.References is { } callbackQueues && !callbackQueues.QueueExists(callback.Queue!))
                {
                    errors.Add(new(p + "/queue", FlowErrorKind.UnknownQueue, $"The tenant has no queue '{callback.Queue}'."));
                }
                if (callback.Number is not null)
                {
                    CheckTemplate(callback.Number, p + "/number", errors);
                }
                if (callback.Mode is { } mode && !OfferCallbackBlock.Modes.Contains(mode))
                {
                    errors.Add(new(p + "/mode", FlowErrorKind.InvalidValue, "The callback mode is 'preview' (agent first) or 'customerFirst'."));
                }
                break;
            case VoicemailBlock voicemail:
                CheckVoicemail(voicemail, p, context, errors);
                break;
            case SubflowBlock subflow:
                if (Required(subflow.FlowId, p + "/flowId", "flowId", errors)
                    && context.References is { } flows && !flows.FlowExists(subflow.FlowId!))
                {
                    errors.Add(new(p + "/flowId", FlowErrorKind.UnknownFlow, $"The tenant has no published flow '{subflow.FlowId}'."));
                }
                Required(subflow.Next, p + "/next", "next", errors);
                break;
            case LoopBlock loop:
                if (loop.Times is null)
                {
                    errors.Add(new(p + "/times", FlowErrorKind.MissingField, "The field 'times' is required."));
                }
                else if (loop.Times is < 1 or > 100)
                {
                    errors.Add(new(p + "/times", FlowErrorKind.InvalidValue, "A loop runs between 1 and 100 times."));
                }
                if (loop.Variable is not null)
                {
                    CheckVariableName(loop.Variable, p + "/variable", errors);
                }
                Required(loop.Body, p + "/body", "body", errors);
                Required(loop.Exit, p + "/exit", "exit", errors);
                break;
        }
    }

    private static void CheckMenu(MenuBlock menu, string p, FlowValidationContext context, List<FlowValidationError> errors)
    {
        CheckPrompt(menu.Prompt, p + "/prompt", required: true, context, errors);
        CheckPrompt(menu.NoInputPrompt, p + "/noInputPrompt", required: false, context, errors);
        CheckPrompt(menu.InvalidPrompt, p + "/invalidPrompt", required: false, context, errors);
        CheckRetriesAndTimeout(menu.Retries, menu.TimeoutSeconds, p, errors);
        if (menu.MinConfidence is < 0 or > 1)
        {
            errors.Add(new(p + "/minConfidence", FlowErrorKind.InvalidValue, "The minimum confidence is between 0 and 1."));
        }
        if (menu.Options is null or { Count: 0 })
        {
            errors.Add(new(p + "/options", FlowErrorKind.MissingField, "A menu needs at least one option."));
            return;
        }
        var digits = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < menu.Options.Count; i++)
        {
            var option = menu.Options[i];
            var at = $"{p}/options/{i}";
            if (option.Digit is null && option.Keywords is null or { Count: 0 })
            {
                errors.Add(new(at, FlowErrorKind.MissingField, "An option needs a digit, keywords or both."));
            }
            if (option.Digit is { } digit && (digit.Length is 0 or > 4 || !digit.All(c => char.IsAsciiDigit(c) || c is '*' or '#')))
            {
                errors.Add(new(at + "/digit", FlowErrorKind.InvalidValue, "A digit is 1 to 4 of the keys 0-9, * and #."));
            }
            else if (option.Digit is not null && !digits.Add(option.Digit))
            {
                errors.Add(new(at + "/digit", FlowErrorKind.InvalidValue, $"Another option already uses the key '{option.Digit}'."));
            }
            for (var k = 0; k < (option.Keywords?.Count ?? 0); k++)
            {
                if (string.IsNullOrWhiteSpace(option.Keywords![k]))
                {
                    errors.Add(new($"{at}/keywords/{k}", FlowErrorKind.InvalidValue, "A keyword cannot be empty."));
                }
            }
            Required(option.Next, at + "/next", "next", errors);
        }
    }

    private void CheckCollect(CollectDigitsBlock collect, string p, FlowValidationContext context, List<FlowValidationError> errors)
    {
        CheckPrompt(collect.Prompt, p + "/prompt", required: true, context, errors);
        CheckPrompt(collect.NoInputPrompt, p + "/noInputPrompt", required: false, context, errors);
        CheckPrompt(collect.InvalidPrompt, p + "/invalidPrompt", required: false, context, errors);
        CheckRetriesAndTimeout(collect.Retries, collect.TimeoutSeconds, p, errors);
        if (Required(collect.Variable, p + "/variable", "variable", errors))
        {
            CheckVariableName(collect.Variable!, p + "/variable", errors);
        }
        var min = collect.MinDigits ?? 1;
        var max = collect.MaxDigits ?? 20;
        if (min < 1 || max > 64 || min > max)
        {
            errors.Add(new(p + "/maxDigits", FlowErrorKind.InvalidValue, "Digits must satisfy 1 ≤ minDigits ≤ maxDigits ≤ 64."));
        }
        if (collect.Terminator is { Length: > 0 } t && (t.Length != 1 || !(char.IsAsciiDigit(t[0]) || t[0] is '*' or '#')))
        {
            errors.Add(new(p + "/terminator", FlowErrorKind.InvalidValue, "The terminator is one key: 0-9, * or #."));
        }
        if (collect.InterDigitTimeoutSeconds is <= 0 or > 60)
        {
            errors.Add(new(p + "/interDigitTimeoutSeconds", FlowErrorKind.InvalidValue, "The inter-digit timeout is more than 0 and at most 60 seconds."));
        }
        if (collect.Pattern is { } pattern)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant, _options.RegexTimeout);
            }
            catch (ArgumentException e)
            {
                errors.Add(new(p + "/pattern", FlowErrorKind.BadRegularExpression, $"The pattern is not a valid regular expression: {e.Message}"));
            }
        }
        Required(collect.Next, p + "/next", "next", errors);
    }

    private static void CheckCondition(ConditionBlock condition, string p, List<FlowValidationError> errors)
    {
        if (condition.Cases is null or { Count: 0 })
        {
            errors.Add(new(p + "/cases", FlowErrorKind.MissingField, "A condition needs at least one case."));
        }
        for (var i = 0; i < (condition.Cases?.Count ?? 0); i++)
        {
            var item = condition.Cases![i];
            var at = $"{p}/cases/{i}";
            if (Required(item.When, at + "/when", "when", errors)
                && !FlowExpression.TryParse(item.When!, out _, out var error))
            {
                errors.Add(new(at + "/when", FlowErrorKind.BadExpression, $"The expression is not valid: {error}."));
            }
            Required(item.Next, at + "/next", "next", errors);
        }
        Required(condition.Otherwise, p + "/otherwise", "otherwise", errors);
    }

    private static void CheckHttp(HttpRequestBlock http, string p, List<FlowValidationError> errors)
    {
        if (http.Method is not null && !HttpMethods.Contains(http.Method))
        {
            errors.Add(new(p + "/method", FlowErrorKind.InvalidValue, "The method is one of GET, POST, PUT, PATCH and DELETE."));
        }
        if (Required(http.Url, p + "/url", "url", errors) && CheckTemplate(http.Url!, p + "/url", errors)
            && !(http.Url!.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || http.Url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new(p + "/url", FlowErrorKind.InvalidValue, "The URL must start with https:// or http://."));
        }
        if (http.TimeoutSeconds is <= 0 or > HttpRequestBlock.MaxTimeoutSeconds)
        {
            errors.Add(new(p + "/timeoutSeconds", FlowErrorKind.InvalidValue, "The timeout is more than 0 and at most 10 seconds."));
        }
        if (http.Body is not null)
        {
            CheckJsonTemplates(http.Body, p + "/body", errors);
        }
        foreach (var (name, pointer) in http.Response ?? [])
        {
            var at = JsonPointer.Append(p + "/response", name);
            CheckVariableName(name, at, errors);
            if (pointer.Length > 0 && pointer[0] != '/')
            {
                errors.Add(new(at, FlowErrorKind.InvalidValue, "The value is a JSON Pointer into the response, such as /customer/tier."));
            }
        }
        Required(http.Next, p + "/next", "next", errors);
    }

    private static void CheckJsonTemplates(JsonNode node, string p, List<FlowValidationError> errors)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (child is not null)
                    {
                        CheckJsonTemplates(child, JsonPointer.Append(p, name), errors);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } child)
                    {
                        CheckJsonTemplates(child, $"{p}/{i}", errors);
                    }
                }
                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                CheckTemplate(text, p, errors);
                break;
        }
    }

    private static void CheckDistribute(DistributeBlock distribute, string p, List<FlowValidationError> errors)
    {
        if (distribute.Branches is null or { Count: 0 })
        {
            errors.Add(new(p + "/branches", FlowErrorKind.MissingField, "A distribution needs at least one branch."));
            return;
        }
        var total = 0.0;
        for (var i = 0; i < distribute.Branches.Count; i++)
        {
            var branch = distribute.Branches[i];
            if (branch.Percent is null)
            {
                errors.Add(new($"{p}/branches/{i}/percent", FlowErrorKind.MissingField, "The field 'percent' is required."));
            }
            else if (branch.Percent is < 0 or > 100)
            {
                errors.Add(new($"{p}/branches/{i}/percent", FlowErrorKind.InvalidValue, "A percentage is between 0 and 100."));
            }
            total += branch.Percent ?? 0;
            Required(branch.Next, $"{p}/branches/{i}/next", "next", errors);
        }
        if (Math.Abs(total - 100) > 0.001)
        {
            errors.Add(new(p + "/branches", FlowErrorKind.InvalidValue, $"The percentages add up to {total}, not 100."));
        }
    }

    private static void CheckRetriesAndTimeout(int? retries, double? timeout, string p, List<FlowValidationError> errors)
    {
        if (retries is < 0 or > 10)
        {
            errors.Add(new(p + "/retries", FlowErrorKind.InvalidValue, "Retries are between 0 and 10."));
        }
        if (timeout is <= 0 or > 60)
        {
            errors.Add(new(p + "/timeoutSeconds", FlowErrorKind.InvalidValue, "The timeout is more than 0 and at most 60 seconds."));
        }
    }
}
