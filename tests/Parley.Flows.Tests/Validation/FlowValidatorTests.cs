using Parley.Flows.Execution;
using Parley.Flows.Validation;
using static Parley.Flows.Tests.FlowTestKit;

namespace Parley.Flows.Tests.Validation;

public sealed class FlowValidatorTests
{
    private static readonly FlowValidationContext Context = new()
    {
        KnownVoices = new HashSet<string> { "en-us", "cmn" },
        KnownLanguages = new HashSet<string> { "en-US", "zh-CN" },
        References = new FlowReferenceSet(queues: ["Sales", "Support"], flows: ["sub"], schedules: ["office"]),
    };

    private static FlowValidationResult Validate(string json, int maxBlocks = 500) =>
        new FlowValidator(new FlowOptions { MaxBlocks = maxBlocks }).Validate(json, Context);

    private static void AssertError(FlowValidationResult result, string pointer, FlowErrorKind kind)
    {
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Pointer == pointer && e.Kind == kind);
        var error = result.Errors.First(e => e.Pointer == pointer && e.Kind == kind);
        Assert.EndsWith(".", error.Message);
    }

    [Fact]
    public void Valid_flow_has_no_errors()
    {
        var result = Validate(Flow("{'type':'start','id':'s','next':'h'}", "{'type':'hangUp','id':'h'}"));
        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Malformed_json_is_located_by_pointer()
    {
        var result = Validate("{\"blocks\":[{\"type\":\"start\",\"id\":\"s\",\"next\": }]}");
        var error = Assert.Single(result.Errors);
        Assert.Equal(FlowErrorKind.MalformedJson, error.Kind);
        Assert.Equal("/blocks/0/next", error.Pointer);
        Assert.Contains("line 1", error.Message);
    }

    [Fact]
    public void Unknown_block_type_is_reported_without_cascading_missing_targets()
    {
        var result = Validate(Flow("{'type':'start','id':'s','next':'x'}", "{'type':'teleport','id':'x'}"));
        var error = Assert.Single(result.Errors);
        Assert.Equal("/blocks/1/type", error.Pointer);
        Assert.Equal(FlowErrorKind.UnknownBlockType, error.Kind);
    }

    [Fact]
    public void Transition_to_a_missing_block_points_at_the_field()
    {
        var result = Validate(Flow("{'type':'start','id':'s','next':'nowhere'}"));
        AssertError(result, "/blocks/0/next", FlowErrorKind.MissingTarget);
    }

    [Fact]
    public void Unreachable_block_is_reported()
    {
        var result = Validate(Flow("{'type':'start','id':'s','next':'h'}", "{'type':'hangUp','id':'h'}", "{'type':'hangUp','id':'lost'}"));
        AssertError(result, "/blocks/2", FlowErrorKind.UnreachableBlock);
    }

    [Fact]
    public void Cycle_without_input_is_reported_but_play_with_barge_in_does_not_break_it()
    {
        var result = Validate(Flow(
            "{'type':'start','id':'s','next':'a'}",
            "{'type':'play','id':'a','bargeIn':true,'prompt':{'text':'hi'},'next':'b'}",
            "{'type':'setVariables','id':'b','values':{'x':'1'},'next':'a'}"));
        AssertError(result, "/blocks/1", FlowErrorKind.InputlessLoop);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void Cycle_through_a_menu_or_a_counted_loop_body_is_allowed()
    {
        var result = Validate(Flow(
            "{'type':'start','id':'s','next':'m'}",
            "{'type':'menu','id':'m','prompt':{'text':'x'},'options':[{'digit':'1','next':'l'}]}",
            "{'type':'loop','id':'l','times':3,'body':'p','exit':'m'}",
            "{'type':'play','id':'p','prompt':{'text':'again'},'next':'l'}"));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Loop_whose_exit_comes_back_without_input_is_reported()
    {
        var result = Validate(Flow(
            "{'type':'start','id':'s','next':'l'}",
            "{'type':'loop','id':'l','times':3,'body':'p','exit':'p2'}",
            "{'type':'play','id':'p','prompt':{'text':'x'},'next':'l'}",
            "{'type':'play','id':'p2','prompt':{'text':'y'},'next':'l'}"));
        AssertError(result, "/blocks/1", FlowErrorKind.InputlessLoop);
    }

    [Fact]
    public void Unknown_voice_and_language_are_reported()
    {
        var result = Validate(Flow(
            "{'type':'start','id':'s','next':'p'}",
            "{'type':'play','id':'p','prompt':{'text':'x','voice':'robot','language':'tlh'},'next':'h'}",
            "{'type':'hangUp','id':'h'}"));
        AssertError(result, "/blocks/1/prompt/voice", FlowErrorKind.UnknownVoice);
        AssertError(result, "/blocks/1/prompt/language", FlowErrorKind.UnknownLanguage);
    }

    [Fact]
    public void Unknown_queue_flow_and_schedule_are_reported()
    {
        var result = Validate(Flow(
            "{'type':'start','id':'s','next':'b'}",
            "{'type':'businessHours','id':'b','scheduleId':'nope','open':'f','closed':'q'}",
            "{'type':'subflow','id':'f','flowId':'ghost','next':'q'}",
            "{'type':'transferToQueue','id':'q','queue':'Billing'}"));
        AssertError(result, "/blocks/1/scheduleId", FlowErrorKind.UnknownSchedule);
        AssertError(result, "/blocks/2/flowId", FlowErrorKind.UnknownFlow);
        AssertError(result, "/blocks/3/queue", FlowErrorKind.UnknownQueue);
    }

    [Fact]
    public void Bad_expression_reports_the_position()
    {
        var result = Validate(Flow(
            "{'type':'start','id':'s','next':'c'}",
            "{'type':'condition','id':'c','cases':[{'when':'vars.x == ','next':'h'}],'otherwise':'h'}",
            "{'type':'hangUp','id':'h'}"));
        AssertError(result, "/blocks/1/cases/0/when", FlowErrorKind.BadExpression);
        Assert.Contains("character 11", result.Errors[0].Message);
    }

    [Fact]
    public void Bad_template_reference_is_a_bad_expression()
    {
        var result = Validate(Flow(
            "{'type':'start','id':'s','next':'p'}",
            "{'type':'play','id':'p','prompt':{'text':'Hello {caller}'},'next':'h'}",
            "{'type':'hangUp','id':'h'}"));
        AssertError(result, "/blocks/1/prompt/text", FlowErrorKind.BadExpression);
    }

    [Fact]
    public void Bad_regular_expression_is_reported()
    {
        var result = Validate(Flow(
            "{'type':'start','id':'s','next':'c'}",
            "{'type':'collectDigits','id':'c','prompt':{'text':'x'},'variable':'acct','pattern':'([0-9]','next':'h'}",
            "{'type':'hangUp','id':'h'}"));
        AssertError(result, "/blocks/1/pattern", FlowErrorKind.BadRegularExpression);
    }

    [Fact]
    public void Missing_required_fields_are_all_reported()
    {
        var result = Validate(Flow(
            "{'type':'start','id':'s','next':'c'}",
            "{'type':'collectDigits','id':'c'}"));
        AssertError(result, "/blocks/1/prompt", FlowErrorKind.MissingField);
        AssertError(result, "/blocks/1/variable", FlowErrorKind.MissingField);
        AssertError(result, "/blocks/1/next", FlowErrorKind.MissingField);
    }

    [Fact]
    public void Missing_start_block_is_reported()
    {
        var result = Validate(Flow("{'type':'hangUp','id':'h'}"));
        AssertError(result, "/blocks", FlowErrorKind.MissingStart);
    }

    [Fact]
    public void Duplicate_block_id_is_reported()
    {
        var result = Validate(Flow("{'type':'start','id':'s','next':'h'}", "{'type':'hangUp','id':'h'}", "{'type':'hangUp','id':'h'}"));
        AssertError(result, "/blocks/2/id", FlowErrorKind.DuplicateBlockId);
    }

    [Fact]
    public void More_blocks_than_allowed_is_reported()
    {
        var result = Validate(Flow("{'type':'start','id':'s','next':'h'}", "{'type':'hangUp','id':'h'}"), maxBlocks: 1);
        AssertError(result, "/blocks", FlowErrorKind.TooManyBlocks);
    }

    [Fact]
    public void Http_timeout_over_ten_seconds_is_refused()
    {
        var result = Validate(Flow(
            "{'type':'start','id':'s','next':'r'}",
            "{'type':'httpRequest','id':'r','url':'https://crm.example/{vars.id}','timeoutSeconds':30,'next':'h'}",
            "{'type':'hangUp','id':'h'}"));
        AssertError(result, "/blocks/1/timeoutSeconds", FlowErrorKind.InvalidValue);
    }

    [Fact]
    public void Callback_mode_is_preview_or_customer_first()
    {
        var result = Validate(Flow(
            "{'type':'start','id':'s','next':'cb'}",
            "{'type':'offerCallback','id':'cb','queue':'Support','mode':'dialer'}"));
        AssertError(result, "/blocks/1/mode", FlowErrorKind.InvalidValue);
        Assert.DoesNotContain(Validate(Flow(
            "{'type':'start','id':'s','next':'cb'}",
            "{'type':'offerCallback','id':'cb','queue':'Support','mode':'customerFirst'}")).Errors, e => e.Pointer == "/blocks/1/mode");
    }

    [Fact]
    public void Distribution_must_add_up_to_one_hundred()
    {
        var result = Validate(Flow(
            "{'type':'start','id':'s','next':'d'}",
            "{'type':'distribute','id':'d','branches':[{'percent':50,'next':'h'},{'percent':40,'next':'h'}]}",
            "{'type':'hangUp','id':'h'}"));
        AssertError(result, "/blocks/1/branches", FlowErrorKind.InvalidValue);
    }

    [Fact]
    public void Wrong_value_type_is_located()
    {
        var result = Validate(Flow(
            "{'type':'start','id':'s','next':'l'}",
            "{'type':'loop','id':'l','times':'three','body':'h','exit':'h'}",
            "{'type':'hangUp','id':'h'}"));
        Assert.Contains(result.Errors, e => e.Pointer == "/blocks/1/times" && e.Kind == FlowErrorKind.InvalidValue);
    }

    [Fact]
    public void Errors_group_by_pointer_for_problem_details()
    {
        var result = Validate(Flow("{'type':'start','id':'s','next':'x'}", "{'type':'hangUp','id':'lost'}"));
        var map = result.ToDictionary();
        Assert.True(map.ContainsKey("/blocks/0/next"));
        Assert.True(map.ContainsKey("/blocks/1"));
    }

    [Fact]
    public void Pointers_stay_on_the_source_index_after_an_unreadable_block()
    {
        var result = Validate(Flow("{'type':'start','id':'s','next':'h'}", "{'type':'teleport','id':'x'}", "{'type':'hangUp','id':'h'}", "{'type':'hangUp','id':'lost'}"));
        Assert.Equal(2, result.Errors.Count);
        AssertError(result, "/blocks/1/type", FlowErrorKind.UnknownBlockType);
        AssertError(result, "/blocks/3", FlowErrorKind.UnreachableBlock);
    }

    [Fact]
    public void Unknown_uploaded_prompt_is_reported_when_the_resolver_knows_the_tenants_prompts()
    {
        var json = Flow(
            "{'type':'start','id':'s','next':'p'}",
            "{'type':'play','id':'p','prompt':{'promptId':'A1B2'},'next':'m'}",
            "{'type':'menu','id':'m','prompt':{'promptId':'gone'},'options':[{'digit':'1','next':'h'}]}",
            "{'type':'hangUp','id':'h'}");
        var withPrompts = new FlowValidationContext { References = new FlowReferenceSet(prompts: ["a1b2"]) };
        var result = new FlowValidator(new FlowOptions()).Validate(json, withPrompts);
        Assert.Equal(["/blocks/2/prompt/promptId"], result.Errors.Select(e => e.Pointer).ToArray());
        AssertError(result, "/blocks/2/prompt/promptId", FlowErrorKind.UnknownPrompt);

        Assert.True(Validate(json).IsValid, "a resolver that does not list prompts accepts any id");
    }
}
