using Parley.Flows.Json;
using Parley.Flows.Samples;
using Parley.Flows.Trial;
using static Parley.Flows.Tests.FlowTestKit;

namespace Parley.Flows.Tests.Trial;

public sealed class FlowTrialTests
{
    private readonly FlowTrial _trial = new(Interpreter());

    [Fact]
    public void Typed_digit_takes_the_menu_option_and_ends_in_its_queue()
    {
        var result = _trial.Run(DemoFlow.Create(), ["2"], Call);

        Assert.Equal("transferred", result.Outcome);
        Assert.False(result.WaitingForInput);
        Assert.Equal("Support", result.Steps[^1].Detail);
        Assert.Equal("2", result.Steps.Single(s => s.Kind == "gather").Input);
        Assert.Contains(result.Path, p => p.BlockId == "main-menu" && p.Branch == "options/1/next");
        Assert.StartsWith("Welcome to Parley.", result.Prompts.First());
    }

    [Fact]
    public void Typed_words_are_heard_as_speech()
    {
        var result = _trial.Run(DemoFlow.Create(), ["sales please"], Call);

        Assert.Equal("Sales", result.Steps[^1].Detail);
    }

    [Fact]
    public void Running_out_of_input_stops_waiting_at_the_gather_with_its_prompt()
    {
        var result = _trial.Run(DemoFlow.Create(), [], Call);

        Assert.True(result.WaitingForInput);
        Assert.Null(result.Outcome);
        var gather = Assert.Single(result.Steps);
        Assert.Equal("gather", gather.Kind);
        Assert.Null(gather.Input);
        Assert.Equal("main-menu", result.Path[^1].BlockId);
    }

    [Fact]
    public void Timeout_and_wrong_keys_replay_the_retry_prompts_in_order()
    {
        var flow = Parse(
            "{'type':'start','id':'s','next':'m'}",
            "{'type':'menu','id':'m','prompt':{'text':'Press 1.'},'noInputPrompt':{'text':'Nothing?'},'invalidPrompt':{'text':'Wrong.'},'options':[{'digit':'1','next':'bye'}]}",
            "{'type':'play','id':'bye','prompt':{'text':'Bye.'},'next':'h'}",
            "{'type':'hangUp','id':'h','reason':'done'}");

        var result = _trial.Run(flow, ["timeout", "9", "1"], Call);

        Assert.Equal(["Press 1.", "Nothing?", "Press 1.", "Wrong.", "Press 1.", "Bye."], result.Prompts);
        Assert.Equal("done", result.Outcome);
        Assert.Equal(["s", "m", "bye", "h"], result.Path.Select(p => p.BlockId));
    }

    [Fact]
    public void Http_requests_are_not_sent_and_take_the_error_branch()
    {
        var flow = Parse(
            "{'type':'start','id':'s','next':'web'}",
            "{'type':'httpRequest','id':'web','url':'https://crm.example/x','next':'ok','onError':'err'}",
            "{'type':'hangUp','id':'ok','reason':'ok'}",
            "{'type':'hangUp','id':'err','reason':'err'}");

        var result = _trial.Run(flow, [], Call);

        Assert.Equal("err", result.Outcome);
        Assert.Equal("GET https://crm.example/x", result.Steps[0].Detail);
    }

    [Fact]
    public void Designer_positions_in_the_document_are_ignored_by_the_library()
    {
        var json = """
            {"name":"t","designer":{"positions":{"s":{"x":10,"y":20}}},
             "blocks":[{"type":"start","id":"s","next":"h","designer":{"x":1}},{"type":"hangUp","id":"h","reason":"r"}]}
            """;
        var parsed = FlowJson.Parse(json);

        Assert.True(parsed.IsValid);
        Assert.Equal("r", _trial.Run(parsed.Document!, [], Call).Outcome);
    }
}
