using Parley.Flows.Execution;
using Parley.Flows.Trial;
using Parley.Flows.Validation;
using static Parley.Flows.Tests.FlowTestKit;

namespace Parley.Flows.Tests.Execution;

public sealed class VoicemailBlockTests
{
    private static readonly FlowValidationContext Context = new()
    {
        KnownVoices = new HashSet<string> { "en-us" },
        KnownLanguages = new HashSet<string> { "en-US" },
        References = new FlowReferenceSet(queues: ["Support"], flows: [], schedules: []),
    };

    [Fact]
    public void Voicemail_asks_the_host_to_record_with_the_prompt_queue_and_default_length()
    {
        var flow = Parse(
            "{'type':'start','id':'s','next':'vm'}",
            "{'type':'voicemail','id':'vm','queue':'Support','prompt':{'text':'Leave a message for {call.caller}'},'next':'bye'}",
            "{'type':'play','id':'bye','prompt':{'text':'Thanks'},'next':'h'}",
            "{'type':'hangUp','id':'h'}");
        var interpreter = Interpreter();
        var state = interpreter.Start("f", flow, Call);

        var record = Assert.IsType<VoicemailAction>(interpreter.Step(flow, state, FlowInput.Begin));

        Assert.Equal("Support", record.Queue);
        Assert.Equal(TimeSpan.FromSeconds(120), record.MaxLength);
        Assert.Equal("Leave a message for +15551234567", record.Prompts.Single().Text);
        var thanks = Assert.IsType<PlayAction>(interpreter.Step(flow, state, new VoicemailInput(true)));
        Assert.Equal("Thanks", thanks.Prompts.Single().Text);
        Assert.Equal("voicemail", state.Outcome);
    }

    [Fact]
    public void A_queued_message_without_next_ends_the_call_and_an_empty_one_takes_on_empty()
    {
        var flow = Parse(
            "{'type':'start','id':'s','next':'vm'}",
            "{'type':'voicemail','id':'vm','queue':'Support','maxSeconds':30,'onEmpty':'again'}",
            "{'type':'play','id':'again','prompt':{'text':'We heard nothing: {vars.voicemailError}'},'next':'h'}",
            "{'type':'hangUp','id':'h'}");
        var interpreter = Interpreter();

        var state = interpreter.Start("f", flow, Call);
        var record = Assert.IsType<VoicemailAction>(interpreter.Step(flow, state, FlowInput.Begin));
        Assert.Equal(TimeSpan.FromSeconds(30), record.MaxLength);
        Assert.Empty(record.Prompts);
        Assert.Equal("voicemail", Assert.IsType<HangUpAction>(interpreter.Step(flow, state, new VoicemailInput(true))).Reason);

        var second = interpreter.Start("f", flow, Call);
        interpreter.Step(flow, second, FlowInput.Begin);
        var heard = Assert.IsType<PlayAction>(interpreter.Step(flow, second, new VoicemailInput(false, "empty")));
        Assert.Equal("We heard nothing: empty", heard.Prompts.Single().Text);
        Assert.NotEqual("voicemail", second.Outcome);
    }

    [Fact]
    public void An_empty_message_without_on_empty_hangs_up()
    {
        var flow = Parse("{'type':'start','id':'s','next':'vm'}", "{'type':'voicemail','id':'vm','queue':'Support'}");
        var interpreter = Interpreter();
        var state = interpreter.Start("f", flow, Call);
        interpreter.Step(flow, state, FlowInput.Begin);

        Assert.Equal("voicemail-empty", Assert.IsType<HangUpAction>(interpreter.Step(flow, state, new VoicemailInput(false, "empty"))).Reason);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(601)]
    public void Max_seconds_outside_5_to_600_is_an_error_at_its_pointer(int seconds)
    {
        var result = Validate(Flow(
            "{'type':'start','id':'s','next':'vm'}",
            "{'type':'voicemail','id':'vm','queue':'Support','maxSeconds':" + seconds + "}"));

        Assert.Contains(result.Errors, e => e.Pointer == "/blocks/1/maxSeconds" && e.Kind == FlowErrorKind.InvalidValue);
    }

    [Fact]
    public void Queue_is_required_and_must_exist_and_a_prompt_is_checked_when_given()
    {
        var missing = Validate(Flow("{'type':'start','id':'s','next':'vm'}", "{'type':'voicemail','id':'vm'}"));
        Assert.Contains(missing.Errors, e => e.Pointer == "/blocks/1/queue" && e.Kind == FlowErrorKind.MissingField);

        var unknown = Validate(Flow(
            "{'type':'start','id':'s','next':'vm'}",
            "{'type':'voicemail','id':'vm','queue':'Nowhere','prompt':{}}"));
        Assert.Contains(unknown.Errors, e => e.Pointer == "/blocks/1/queue" && e.Kind == FlowErrorKind.UnknownQueue);
        Assert.Contains(unknown.Errors, e => e.Pointer.StartsWith("/blocks/1/prompt", StringComparison.Ordinal));

        var valid = Validate(Flow(
            "{'type':'start','id':'s','next':'vm'}",
            "{'type':'voicemail','id':'vm','queue':'Support','maxSeconds':600,'next':'h','onEmpty':'h'}",
            "{'type':'hangUp','id':'h'}"));
        Assert.True(valid.IsValid, string.Join("; ", valid.Errors.Select(e => e.Pointer + " " + e.Message)));
    }

    [Fact]
    public void A_transition_to_a_missing_block_is_reported_at_on_empty()
    {
        var result = Validate(Flow(
            "{'type':'start','id':'s','next':'vm'}",
            "{'type':'voicemail','id':'vm','queue':'Support','onEmpty':'nowhere'}"));

        Assert.Contains(result.Errors, e => e.Pointer == "/blocks/1/onEmpty");
    }

    [Fact]
    public void A_trial_shows_the_voicemail_and_takes_on_empty()
    {
        var flow = Parse(
            "{'type':'start','id':'s','next':'vm'}",
            "{'type':'voicemail','id':'vm','queue':'Support','prompt':{'text':'After the tone'},'onEmpty':'h'}",
            "{'type':'hangUp','id':'h','reason':'done'}");

        var result = new FlowTrial(Interpreter()).Run(flow, [], Call);

        Assert.Equal(["voicemail", "hangUp"], result.Steps.Select(s => s.Kind));
        Assert.Equal("After the tone", result.Steps[0].Prompts.Single());
    }

    private static FlowValidationResult Validate(string json) => new FlowValidator(new FlowOptions()).Validate(json, Context);
}
