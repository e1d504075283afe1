using Microsoft.Extensions.Options;
using Parley.Flows.Model;

namespace Parley.Flows.Execution;

/// <summary>
/// Runs a flow one step at a time. <see cref="Step"/> takes the flow, the execution state and the host's input,
/// moves through blocks that need nothing from the host, and returns the next action. It never blocks, performs no
/// I/O and reads time only from the <see cref="TimeProvider"/>; the same flows can drive a phone call or a chat.
/// </summary>
public sealed partial class FlowInterpreter
{
    private readonly FlowOptions _options;
    private readonly TimeProvider _time;
    private readonly IFlowRandom _random;

    public FlowInterpreter(IOptions<FlowOptions> options, TimeProvider time, IFlowRandom random)
        : this(options.Value, time, random)
    {
    }

    public FlowInterpreter(FlowOptions options, TimeProvider time, IFlowRandom random)
    {
        _options = options;
        _time = time;
        _random = random;
    }

    /// <summary>A fresh execution of <paramref name="flow"/> (published as <paramref name="flowId"/>) for a call.</summary>
    public FlowExecutionState Start(string flowId, FlowDocument flow, CallInfo call)
    {
        var state = new FlowExecutionState
        {
            RootFlowId = flowId,
            CurrentFlowId = flowId,
            Language = flow.Language,
            Voice = flow.Voice,
            TimeZone = call.TimeZone,
        };
        Put(state.Call, "id", call.CallId);
        Put(state.Call, "caller", call.Caller);
        Put(state.Call, "called", call.Called);
        Put(state.Call, "channel", call.Channel);
        foreach (var (name, value) in flow.Variables ?? [])
        {
            state.Variables[name] = value;
        }
        return state;
    }

    /// <summary>
    /// Applies <paramref name="input"/> to the block the execution waits in (or begins), then runs until a block
    /// needs the host. <paramref name="flow"/> is the execution's root flow; subflows and schedules come from
    /// <paramref name="library"/>.
    /// </summary>
    public FlowAction Step(FlowDocument flow, FlowExecutionState state, FlowInput input, IFlowLibrary? library = null)
    {
        if (state.Finished)
        {
            return new HangUpAction(state.Outcome ?? "end");
        }
        var step = new StepContext(flow, state, library ?? FlowLibrary.Empty, _time.GetUtcNow());
        string? next;
        if (state.CurrentBlockId is null)
        {
            next = flow.Start?.Id;
            if (next is null)
            {
                return Finish(state, "error");
            }
        }
        else
        {
            var current = step.CurrentFlow()?.Find(state.CurrentBlockId);
            if (current is null)
            {
                return Finish(state, "error");
            }
            var entry = state.Path.Count > 0 ? state.Path[^1] : null;
            if (entry is not null)
            {
                (entry.Inputs ??= []).Add(Describe(input));
            }
            var move = OnInput(current, input, step);
            if (move.Action is not null)
            {
                return move.Action.IsFinal ? Finish(state, ((HangUpAction)move.Action).Reason) : move.Action;
            }
            Leave(entry, move.Branch, step.Now);
            next = move.Next;
        }
        return Run(next, step);
    }

    private FlowAction Run(string? next, StepContext step)
    {
        var state = step.State;
        while (true)
        {
            if (next is null)
            {
                return Finish(state, "end");
            }
            var block = step.CurrentFlow()?.Find(next);
            if (block is null)
            {
                return Finish(state, "error");
            }
            if (++state.Steps > _options.MaxSteps)
            {
                return Finish(state, "step-limit");
            }
            state.CurrentBlockId = block.Id;
            state.Attempts = 0;
            var entry = new FlowPathEntry
            {
                FlowId = state.CurrentFlowId,
                BlockId = block.Id ?? "",
                BlockType = block.Kind,
                EnteredAt = step.Now,
            };
            state.Path.Add(entry);
            var move = OnEnter(block, step);
            if (move.Action is not null)
            {
                return move.Action.IsFinal ? Finish(state, ((HangUpAction)move.Action).Reason) : move.Action;
            }
            Leave(entry, move.Branch, step.Now);
            next = move.Next;
        }
    }

    private static HangUpAction Finish(FlowExecutionState state, string reason)
    {
        state.Finished = true;
        state.Outcome = reason;
        if (state.Path.Count > 0)
        {
            state.Path[^1].Duration ??= TimeSpan.Zero;
        }
        return new HangUpAction(reason);
    }

    private static void Leave(FlowPathEntry? entry, string? branch, DateTimeOffset now)
    {
        if (entry is not null)
        {
            entry.Duration = now - entry.EnteredAt;
            entry.Branch = branch;
        }
    }

    private static string Describe(FlowInput input) => input switch
    {
        DigitsInput d => "digits:" + d.Digits,
        SpeechInput s => $"speech:{s.Words} ({s.Confidence:0.00})",
        HttpResultInput h => h.Error is null ? $"http:{h.StatusCode}" : "http-error:" + h.Error,
        TransferFailedInput t => "transfer-failed:" + t.Reason,
        TimeoutInput => "timeout",
        PromptFinishedInput => "prompt-finished",
        _ => input.GetType().Name,
    };

    private static void Put(Dictionary<string, string> map, string key, string? value)
    {
        if (value is not null)
        {
            map[key] = value;
        }
    }
}
