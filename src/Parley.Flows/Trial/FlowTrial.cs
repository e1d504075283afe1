using Parley.Flows.Execution;
using Parley.Flows.Model;

namespace Parley.Flows.Trial;

/// <summary>
/// Runs a flow against typed input without a call, for the designer's "try it": plays finish at once, each
/// gather takes the next typed entry (keys when it holds only <c>0-9 * #</c>, words with full confidence otherwise,
/// <c>timeout</c> or an empty entry for silence), HTTP requests are not made (they take <c>onError</c>), and a
/// transfer ends the run as it would hand the call over. Stops when the flow ends or waits for input none is left for.
/// </summary>
public sealed class FlowTrial(FlowInterpreter interpreter)
{
    /// <summary>The most actions one trial performs, whatever the interpreter's own step guard says.</summary>
    public const int MaxActions = 2000;

    public const string TimeoutInput = "timeout";

    public FlowTrialResult Run(FlowDocument flow, IReadOnlyList<string> inputs, CallInfo call, IFlowLibrary? library = null)
    {
        var state = interpreter.Start("trial", flow, call);
        var steps = new List<FlowTrialStep>();
        var action = interpreter.Step(flow, state, FlowInput.Begin, library);
        var next = 0;
        for (var count = 0; count < MaxActions; count++)
        {
            FlowInput input;
            switch (action)
            {
                case PlayAction play:
                    steps.Add(new FlowTrialStep("play", Texts(play.Prompts), null, null));
                    input = FlowInput.PromptFinished;
                    break;
                case GatherAction gather when next < inputs.Count:
                    var typed = inputs[next++].Trim();
                    steps.Add(new FlowTrialStep("gather", Texts(gather.Prompts), null, typed.Length == 0 ? TimeoutInput : typed));
                    input = ToInput(typed);
                    break;
                case GatherAction gather:
                    steps.Add(new FlowTrialStep("gather", Texts(gather.Prompts), null, null));
                    return new FlowTrialResult(steps, state.Path, null, true);
                case HttpRequestAction http:
                    steps.Add(new FlowTrialStep("http", [], $"{http.Method} {http.Url}", "not sent in a trial"));
                    input = new HttpResultInput(null, null, "not sent in a trial");
                    break;
                case VoicemailAction voicemail:
                    steps.Add(new FlowTrialStep("voicemail", Texts(voicemail.Prompts), voicemail.Queue, "no message in a trial"));
                    input = new VoicemailInput(false, "trial");
                    break;
                case ContinueAction:
                    input = FlowInput.PromptFinished;
                    break;
                default:
                    steps.Add(Final(action));
                    return new FlowTrialResult(steps, state.Path, state.Outcome ?? Outcome(action), false);
            }
            action = interpreter.Step(flow, state, input, library);
        }
        return new FlowTrialResult(steps, state.Path, "step-limit", false);
    }

    private static FlowInput ToInput(string typed)
    {
        if (typed.Length == 0 || typed.Equals(TimeoutInput, StringComparison.OrdinalIgnoreCase))
        {
            return FlowInput.Timeout;
        }
        return typed.All(c => char.IsAsciiDigit(c) || c is '*' or '#') ? new DigitsInput(typed) : new SpeechInput(typed, 1.0);
    }

    private static FlowTrialStep Final(FlowAction action) => action switch
    {
        TransferToQueueAction q => new FlowTrialStep("transferToQueue", [], q.Queue, null),
        TransferToAgentAction a => new FlowTrialStep("transferToAgent", [], a.Agent, null),
        TransferToNumberAction n => new FlowTrialStep("transferToNumber", [], n.Number, null),
        OfferCallbackAction c => new FlowTrialStep("offerCallback", [], $"{c.Queue} {c.Number}", null),
        HangUpAction h => new FlowTrialStep("hangUp", [], h.Reason, null),
        _ => new FlowTrialStep(action.GetType().Name, [], null, null),
    };

    private static string Outcome(FlowAction action) => action is HangUpAction h ? h.Reason : "transferred";

    private static string[] Texts(IReadOnlyList<PlayPrompt> prompts) =>
        prompts.Select(p => p.Text ?? $"[recording {p.PromptId}]").ToArray();
}
