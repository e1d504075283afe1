using Parley.Flows.Execution;
using Parley.Flows.Samples;
using static Parley.Flows.Tests.FlowTestKit;

namespace Parley.Flows.Tests.Execution;

public sealed class MenuTests
{
    private readonly FlowInterpreter _interpreter = Interpreter();
    private readonly Model.FlowDocument _flow = DemoFlow.Create();

    private (FlowExecutionState State, FlowAction First) Begin()
    {
        var state = _interpreter.Start("demo", _flow, Call);
        return (state, _interpreter.Step(_flow, state, FlowInput.Begin));
    }

    [Fact]
    public void Menu_asks_for_one_key_or_the_keywords_with_the_greeting()
    {
        var (_, first) = Begin();
        var gather = Assert.IsType<GatherAction>(first);
        Assert.StartsWith("Welcome to Parley.", gather.Prompts.Single().Text);
        Assert.Equal(1, gather.MaxDigits);
        Assert.Equal(["sales", "support"], gather.Keywords);
        Assert.True(gather.BargeIn);
        Assert.Equal("en-US", gather.Language);
    }

    [Fact]
    public void Pressing_two_queues_the_caller_in_support()
    {
        var (state, _) = Begin();
        var action = _interpreter.Step(_flow, state, new DigitsInput("2"));
        var transfer = Assert.IsType<TransferToQueueAction>(action);
        Assert.Equal("Support", transfer.Queue);
        Assert.Equal("demo menu", transfer.Attributes["entry"]);
        Assert.Equal("options/1/next", state.Path.Single(p => p.BlockId == "main-menu").Branch);
        Assert.Equal(["digits:2"], state.Path.Single(p => p.BlockId == "main-menu").Inputs);
    }

    [Fact]
    public void Saying_sales_with_enough_confidence_queues_the_caller_in_sales()
    {
        var (state, _) = Begin();
        var action = _interpreter.Step(_flow, state, new SpeechInput("uh Sales please", 0.8));
        Assert.Equal("Sales", Assert.IsType<TransferToQueueAction>(action).Queue);
    }

    [Fact]
    public void Low_confidence_words_count_as_invalid_and_replay_with_the_invalid_prompt()
    {
        var (state, _) = Begin();
        var action = _interpreter.Step(_flow, state, new SpeechInput("sales", 0.2));
        var gather = Assert.IsType<GatherAction>(action);
        Assert.Equal("Sorry, I did not understand.", gather.Prompts[0].Text);
        Assert.StartsWith("Welcome", gather.Prompts[1].Text);
        Assert.Equal(1, state.Attempts);
    }

    [Fact]
    public void No_input_replays_with_the_no_input_prompt_then_gives_up_after_the_retries()
    {
        var (state, _) = Begin();
        var retry1 = Assert.IsType<GatherAction>(_interpreter.Step(_flow, state, FlowInput.Timeout));
        Assert.Equal("Sorry, I did not hear anything.", retry1.Prompts[0].Text);
        Assert.IsType<GatherAction>(_interpreter.Step(_flow, state, FlowInput.Timeout));
        var goodbye = Assert.IsType<PlayAction>(_interpreter.Step(_flow, state, FlowInput.Timeout));
        Assert.Equal("Goodbye.", goodbye.Prompts.Single().Text);
        Assert.Equal("onNoInput", state.Path.Single(p => p.BlockId == "main-menu").Branch);
        var end = _interpreter.Step(_flow, state, FlowInput.PromptFinished);
        Assert.True(end.IsFinal);
        Assert.True(state.Finished);
    }

    [Fact]
    public void Invalid_key_then_valid_key_still_routes()
    {
        var (state, _) = Begin();
        Assert.IsType<GatherAction>(_interpreter.Step(_flow, state, new DigitsInput("9")));
        var action = _interpreter.Step(_flow, state, new DigitsInput("1"));
        Assert.Equal("Sales", Assert.IsType<TransferToQueueAction>(action).Queue);
        Assert.Equal(["digits:9", "digits:1"], state.Path.Single(p => p.BlockId == "main-menu").Inputs);
    }

    [Fact]
    public void Invalid_input_after_the_retries_takes_the_invalid_branch()
    {
        var (state, _) = Begin();
        _interpreter.Step(_flow, state, new DigitsInput("7"));
        _interpreter.Step(_flow, state, new DigitsInput("8"));
        var action = _interpreter.Step(_flow, state, new DigitsInput("9"));
        Assert.IsType<PlayAction>(action);
        Assert.Equal("onInvalid", state.Path.Single(p => p.BlockId == "main-menu").Branch);
    }

    [Fact]
    public void A_failed_transfer_takes_on_failure()
    {
        var (state, _) = Begin();
        _interpreter.Step(_flow, state, new DigitsInput("1"));
        var action = _interpreter.Step(_flow, state, new TransferFailedInput("queue closed"));
        Assert.Equal("Goodbye.", Assert.IsType<PlayAction>(action).Prompts.Single().Text);
        Assert.Equal("queue closed", state.Variables["transferError"]);
    }

    [Fact]
    public void An_unrelated_input_while_waiting_changes_nothing()
    {
        var (state, _) = Begin();
        Assert.Same(ContinueAction.Instance, _interpreter.Step(_flow, state, new HttpResultInput(200, "{}")));
        Assert.Equal(0, state.Attempts);
    }
}
