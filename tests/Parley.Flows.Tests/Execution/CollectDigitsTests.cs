using Parley.Flows.Execution;
using static Parley.Flows.Tests.FlowTestKit;

namespace Parley.Flows.Tests.Execution;

public sealed class CollectDigitsTests
{
    private readonly FlowInterpreter _interpreter = Interpreter();
    private readonly Model.FlowDocument _flow = Parse(
        "{'type':'start','id':'s','next':'c'}",
        "{'type':'collectDigits','id':'c','prompt':{'text':'Enter your account number.'},'variable':'account','minDigits':4,'maxDigits':6,'terminator':'#','interDigitTimeoutSeconds':2,'pattern':'^[1-9][0-9]*$','retries':1,'invalidPrompt':{'text':'That is not valid.'},'next':'ok','onInvalid':'bad','onNoInput':'bad'}",
        "{'type':'play','id':'ok','prompt':{'text':'Account {vars.account}.'},'next':'h'}",
        "{'type':'hangUp','id':'bad','reason':'gave-up'}",
        "{'type':'hangUp','id':'h'}");

    private FlowExecutionState Begin(out GatherAction gather)
    {
        var state = _interpreter.Start("f", _flow, Call);
        gather = Assert.IsType<GatherAction>(_interpreter.Step(_flow, state, FlowInput.Begin));
        return state;
    }

    [Fact]
    public void Gather_carries_max_digits_terminator_and_inter_digit_timeout()
    {
        Begin(out var gather);
        Assert.Equal(6, gather.MaxDigits);
        Assert.Equal('#', gather.Terminator);
        Assert.Equal(TimeSpan.FromSeconds(2), gather.InterDigitTimeout);
        Assert.Empty(gather.Keywords);
    }

    [Fact]
    public void Digits_ended_by_the_terminator_are_stored_without_it()
    {
        var state = Begin(out _);
        var action = _interpreter.Step(_flow, state, new DigitsInput("12345#"));
        Assert.Equal("12345", state.Variables["account"]);
        Assert.Equal("Account 12345.", Assert.IsType<PlayAction>(action).Prompts.Single().Text);
    }

    [Theory]
    [InlineData("123#")]
    [InlineData("1234567")]
    [InlineData("01234")]
    public void Too_short_too_long_or_off_pattern_entries_are_retried(string digits)
    {
        var state = Begin(out _);
        var retry = Assert.IsType<GatherAction>(_interpreter.Step(_flow, state, new DigitsInput(digits)));
        Assert.Equal("That is not valid.", retry.Prompts[0].Text);
        Assert.False(state.Variables.ContainsKey("account"));
    }

    [Fact]
    public void Exhausted_retries_take_on_invalid()
    {
        var state = Begin(out _);
        _interpreter.Step(_flow, state, new DigitsInput("1"));
        var end = Assert.IsType<HangUpAction>(_interpreter.Step(_flow, state, new DigitsInput("2")));
        Assert.Equal("gave-up", end.Reason);
    }

    [Fact]
    public void Only_the_terminator_counts_as_no_input()
    {
        var state = Begin(out _);
        _interpreter.Step(_flow, state, new DigitsInput("#"));
        var end = _interpreter.Step(_flow, state, FlowInput.Timeout);
        Assert.True(end.IsFinal);
        Assert.Equal("onNoInput", state.Path.Single(p => p.BlockId == "c").Branch);
    }

    [Fact]
    public void A_pattern_that_backtracks_catastrophically_times_out_as_invalid_input()
    {
        var flow = Parse(
            "{'type':'start','id':'s','next':'c'}",
            "{'type':'collectDigits','id':'c','prompt':{'text':'x'},'variable':'v','maxDigits':64,'terminator':'','pattern':'^(\\\\d|\\\\d\\\\d)+$','retries':0,'next':'ok','onInvalid':'bad'}",
            "{'type':'hangUp','id':'ok','reason':'ok'}",
            "{'type':'hangUp','id':'bad','reason':'bad'}");
        var interpreter = new FlowInterpreter(new FlowOptions { RegexTimeout = TimeSpan.FromMilliseconds(20) }, TimeProvider.System, FlowRandom.FromSeed(1));
        var state = interpreter.Start("f", flow, Call);
        interpreter.Step(flow, state, FlowInput.Begin);
        var end = interpreter.Step(flow, state, new DigitsInput(new string('1', 60) + "*"));
        Assert.Equal("bad", Assert.IsType<HangUpAction>(end).Reason);
    }
}
