using System.Text.Json.Nodes;
using Parley.Flows.Expressions;
using Parley.Flows.Model;
using Parley.Flows.Schedules;

namespace Parley.Flows.Execution;

public sealed partial class FlowInterpreter
{
    private StepMove OnEnter(FlowBlock block, StepContext step)
    {
        var state = step.State;
        switch (block)
        {
            case StartBlock start:
                return StepMove.Go(start.Next, "next");
            case PlayBlock play:
                return StepMove.Wait(new PlayAction(Prompts(step, play.Prompt), play.BargeIn ?? false));
            case MenuBlock menu:
                return StepMove.Wait(Gather(menu, step, null));
            case CollectDigitsBlock collect:
                return StepMove.Wait(Gather(collect, step, null));
            case SetVariablesBlock set:
                foreach (var (name, value) in set.Values ?? [])
                {
                    state.Variables[name] = Render(value, step);
                }
                return StepMove.Go(set.Next, "next");
            case ConditionBlock condition:
                var cases = condition.Cases ?? [];
                for (var i = 0; i < cases.Count; i++)
                {
                    if (cases[i].When is { } text && FlowExpression.TryParse(text, out var expression, out _)
                        && expression!.IsTrue(step.Scope))
                    {
                        return StepMove.Go(cases[i].Next, $"cases/{i}/next");
                    }
                }
                return StepMove.Go(condition.Otherwise, "otherwise");
            case BusinessHoursBlock hours:
                var schedule = hours.ScheduleId is null ? null : step.Library.FindSchedule(hours.ScheduleId);
                return (schedule?.Evaluate(step.Now) ?? BusinessHoursStatus.Closed) switch
                {
                    BusinessHoursStatus.Open => StepMove.Go(hours.Open, "open"),
                    BusinessHoursStatus.Holiday when hours.Holiday is not null => StepMove.Go(hours.Holiday, "holiday"),
                    _ => StepMove.Go(hours.Closed, "closed"),
                };
            case HttpRequestBlock http:
                return StepMove.Wait(HttpRequest(http, step));
            case DistributeBlock distribute:
                return Distribute(distribute);
            case SetLanguageBlock language:
                state.Language = language.Language ?? state.Language;
                state.Voice = language.Voice ?? state.Voice;
                return StepMove.Go(language.Next, "next");
            case RecordBlock record:
                state.Record = record.Recording switch { RecordBlock.On => true, RecordBlock.Off => false, _ => state.Record };
                return StepMove.Go(record.Next, "next");
            case TransferToQueueBlock queue:
                state.Outcome = "transferred";
                return StepMove.Wait(new TransferToQueueAction(
                    queue.Queue ?? "",
                    queue.Priority ?? 0,
                    (queue.Skills ?? []).Select(s => Render(s, step)).Where(s => s.Length > 0).ToList(),
                    (queue.Attributes ?? []).ToDictionary(a => a.Key, a => Render(a.Value, step), StringComparer.Ordinal)));
            case TransferToAgentBlock agent:
                state.Outcome = "transferred";
                return StepMove.Wait(new TransferToAgentAction(Render(agent.Agent ?? "", step)));
            case TransferToNumberBlock number:
                state.Outcome = "transferred";
                return StepMove.Wait(new TransferToNumberAction(
                    Render(number.Number ?? "", step), number.CallerId is null ? null : Render(number.CallerId, step)));
            case OfferCallbackBlock callback:
                state.Outcome = "callback";
                return StepMove.Wait(new OfferCallbackAction(
                    callback.Queue ?? "", Render(callback.Number ?? "{call.caller}", step), callback.Mode == "customerFirst"));
            case VoicemailBlock voicemail:
                return StepMove.Wait(new VoicemailAction(
                    Prompts(step, voicemail.Prompt),
                    voicemail.Queue ?? "",
                    TimeSpan.FromSeconds(Math.Clamp(voicemail.MaxSeconds ?? VoicemailBlock.DefaultMaxSeconds, VoicemailBlock.MinMaxSeconds, VoicemailBlock.MaxMaxSeconds))));
            case SubflowBlock subflow:
                return EnterSubflow(subflow, step);
            case ReturnBlock:
                if (state.Frames.Count == 0)
                {
                    return StepMove.Go(null, "return");
                }
                var frame = state.Frames[^1];
                state.Frames.RemoveAt(state.Frames.Count - 1);
                state.CurrentFlowId = frame.FlowId;
                return StepMove.Go(frame.ReturnTo, "return");
            case LoopBlock loop:
                var key = state.CurrentFlowId + "/" + loop.Id;
                var count = state.Loops.GetValueOrDefault(key) + 1;
                if (count <= (loop.Times ?? 0))
                {
                    state.Loops[key] = count;
                    if (loop.Variable is not null)
                    {
                        state.Variables[loop.Variable] = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }
                    return StepMove.Go(loop.Body, "body");
                }
                state.Loops.Remove(key);
                return StepMove.Go(loop.Exit, "exit");
            case HangUpBlock hangUp:
                return StepMove.Wait(new HangUpAction(hangUp.Reason ?? "hangUp"));
            default:
                return StepMove.Wait(new HangUpAction("error"));
        }
    }

    private StepMove EnterSubflow(SubflowBlock subflow, StepContext step)
    {
        var state = step.State;
        var target = subflow.FlowId is null ? null : step.Library.FindFlow(subflow.FlowId);
        if (target?.Start?.Id is not { } startId || state.Frames.Count >= _options.MaxSubflowDepth)
        {
            return StepMove.Wait(new HangUpAction("error"));
        }
        state.Frames.Add(new FlowFrame { FlowId = state.CurrentFlowId, ReturnTo = subflow.Next });
        state.CurrentFlowId = subflow.FlowId!;
        return StepMove.Go(startId, "subflow");
    }

    private StepMove Distribute(DistributeBlock distribute)
    {
        var branches = distribute.Branches ?? [];
        var roll = _random.NextDouble() * 100;
        var cumulative = 0.0;
        for (var i = 0; i < branches.Count; i++)
        {
            cumulative += branches[i].Percent ?? 0;
            if (roll < cumulative)
            {
                return StepMove.Go(branches[i].Next, $"branches/{i}/next");
            }
        }
        return branches.Count == 0
            ? StepMove.Go(null, "none")
            : StepMove.Go(branches[^1].Next, $"branches/{branches.Count - 1}/next");
    }

    private static HttpRequestAction HttpRequest(HttpRequestBlock http, StepContext step)
    {
        var url = FlowTemplate.TryParse(http.Url ?? "", out var template, out _)
            ? template!.Render(step.Scope, Uri.EscapeDataString)
            : http.Url ?? "";
        var body = http.Body?.DeepClone();
        if (body is not null)
        {
            body = RenderJson(body, step);
        }
        var timeout = Math.Clamp(http.TimeoutSeconds ?? 5, 0.1, HttpRequestBlock.MaxTimeoutSeconds);
        return new HttpRequestAction((http.Method ?? "GET").ToUpperInvariant(), url, body?.ToJsonString(), TimeSpan.FromSeconds(timeout));
    }

    /// <summary>Renders every string in a JSON body as a template; values are inserted as text, so they cannot change the structure.</summary>
    private static JsonNode RenderJson(JsonNode node, StepContext step)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (obj[name] is { } child)
                    {
                        obj[name] = RenderJson(child.DeepClone(), step);
                    }
                }
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } child)
                    {
                        array[i] = RenderJson(child.DeepClone(), step);
                    }
                }
                return array;
            case JsonValue value when value.TryGetValue<string>(out var text):
                return JsonValue.Create(Render(text, step));
            default:
                return node;
        }
    }

    internal static string Render(string text, StepContext step) =>
        FlowTemplate.TryParse(text, out var template, out _) ? template!.Render(step.Scope) : text;

    private static List<PlayPrompt> Prompts(StepContext step, params FlowPrompt?[] prompts)
    {
        var list = new List<PlayPrompt>(prompts.Length);
        foreach (var prompt in prompts)
        {
            if (prompt is not null)
            {
                list.Add(new PlayPrompt(
                    prompt.Text is null ? null : Render(prompt.Text, step),
                    prompt.PromptId,
                    prompt.Voice ?? step.State.Voice,
                    prompt.Language ?? step.State.Language));
            }
        }
        return list;
    }
}
