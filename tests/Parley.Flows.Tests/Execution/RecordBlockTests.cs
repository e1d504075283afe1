using Parley.Flows.Execution;
using Parley.Flows.Validation;
using static Parley.Flows.Tests.FlowTestKit;

namespace Parley.Flows.Tests.Execution;

public sealed class RecordBlockTests
{
    [Fact]
    public void The_last_record_block_passed_decides_and_the_flow_goes_on()
    {
        var flow = Parse(
            "{'type':'start','id':'s','next':'on'}",
            "{'type':'record','id':'on','recording':'on','next':'off'}",
            "{'type':'record','id':'off','recording':'off','next':'q'}",
            "{'type':'transferToQueue','id':'q','queue':'Support'}");
        var interpreter = Interpreter();
        var state = interpreter.Start("f", flow, Call);
        Assert.Null(state.Record);

        Assert.IsType<TransferToQueueAction>(interpreter.Step(flow, state, FlowInput.Begin));

        Assert.False(state.Record);
    }

    [Fact]
    public void A_flow_without_a_record_block_leaves_the_choice_to_the_queue()
    {
        var flow = Parse("{'type':'start','id':'s','next':'q'}", "{'type':'transferToQueue','id':'q','queue':'Support'}");
        var interpreter = Interpreter();
        var state = interpreter.Start("f", flow, Call);
        interpreter.Step(flow, state, FlowInput.Begin);
        Assert.Null(state.Record);
    }

    [Theory]
    [InlineData("'recording':'maybe',", "/blocks/1/recording", FlowErrorKind.InvalidValue)]
    [InlineData("", "/blocks/1/recording", FlowErrorKind.MissingField)]
    public void A_record_block_needs_on_or_off(string field, string pointer, FlowErrorKind kind)
    {
        var result = new FlowValidator(new FlowOptions()).Validate(
            Flow("{'type':'start','id':'s','next':'r'}", "{'type':'record','id':'r'," + field + "'next':'h'}", "{'type':'hangUp','id':'h'}"),
            new FlowValidationContext());
        Assert.Contains(result.Errors, e => e.Pointer == pointer && e.Kind == kind);
    }
}
