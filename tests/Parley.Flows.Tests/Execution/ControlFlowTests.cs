using Microsoft.Extensions.Time.Testing;
using Parley.Flows.Execution;
using Parley.Flows.Json;
using static Parley.Flows.Tests.FlowTestKit;

namespace Parley.Flows.Tests.Execution;

public sealed class ControlFlowTests
{
    [Fact]
    public void Step_guard_stops_an_execution_after_the_configured_number_of_steps()
    {
        // Bypasses validation (which would refuse this cycle): the guard must stop it at run time anyway.
        var flow = Parse(
            "{'type':'start','id':'s','next':'a'}",
            "{'type':'setVariables','id':'a','values':{'x':'1'},'next':'b'}",
            "{'type':'setVariables','id':'b','values':{'y':'2'},'next':'a'}");
        var interpreter = Interpreter(maxSteps: 50);
        var state = interpreter.Start("f", flow, Call);
        var action = interpreter.Step(flow, state, FlowInput.Begin);
        Assert.Equal("step-limit", Assert.IsType<HangUpAction>(action).Reason);
        Assert.Equal(50, state.Path.Count);
        Assert.True(state.Finished);
    }

    [Fact]
    public void Loop_runs_its_body_the_given_number_of_times_with_a_counter()
    {
        var flow = Parse(
            "{'type':'start','id':'s','next':'l'}",
            "{'type':'loop','id':'l','times':3,'variable':'round','body':'p','exit':'h'}",
            "{'type':'play','id':'p','prompt':{'text':'Round {vars.round}'},'next':'l'}",
            "{'type':'hangUp','id':'h'}");
        var interpreter = Interpreter();
        var state = interpreter.Start("f", flow, Call);
        var texts = new List<string?>();
        var action = interpreter.Step(flow, state, FlowInput.Begin);
        while (action is PlayAction play)
        {
            texts.Add(play.Prompts.Single().Text);
            action = interpreter.Step(flow, state, FlowInput.PromptFinished);
        }
        Assert.Equal(["Round 1", "Round 2", "Round 3"], texts);
        Assert.IsType<HangUpAction>(action);
        Assert.Empty(state.Loops);
    }

    [Fact]
    public void Subflow_returns_to_the_callers_next_block_and_shares_variables()
    {
        var main = Parse(
            "{'type':'start','id':'s','next':'call'}",
            "{'type':'subflow','id':'call','flowId':'greet','next':'after'}",
            "{'type':'play','id':'after','prompt':{'text':'Back with {vars.greeted}'},'next':'h'}",
            "{'type':'hangUp','id':'h'}");
        var greet = Parse(
            "{'type':'start','id':'s','next':'set'}",
            "{'type':'setVariables','id':'set','values':{'greeted':'yes'},'next':'p'}",
            "{'type':'play','id':'p','prompt':{'text':'Hello from the subflow'},'next':'r'}",
            "{'type':'return','id':'r'}");
        var library = new FlowLibrary(new Dictionary<string, Model.FlowDocument> { ["greet"] = greet });
        var interpreter = Interpreter();
        var state = interpreter.Start("main", main, Call);
        var first = Assert.IsType<PlayAction>(interpreter.Step(main, state, FlowInput.Begin, library));
        Assert.Equal("Hello from the subflow", first.Prompts.Single().Text);
        Assert.Equal("greet", state.CurrentFlowId);
        var second = Assert.IsType<PlayAction>(interpreter.Step(main, state, FlowInput.PromptFinished, library));
        Assert.Equal("Back with yes", second.Prompts.Single().Text);
        Assert.Equal("main", state.CurrentFlowId);
        Assert.Empty(state.Frames);
    }

    [Fact]
    public void Condition_uses_call_data_and_variables()
    {
        var flow = Parse(
            "{'type':'start','id':'s','next':'set'}",
            "{'type':'setVariables','id':'set','values':{'tier':'gold','score':'42'},'next':'c'}",
            "{'type':'condition','id':'c','cases':[{'when':'vars.tier == \\'silver\\'','next':'no'},{'when':'call.caller startsWith \\'+1555\\' and vars.score > 9 and not (vars.tier contains \\'x\\')','next':'yes'}],'otherwise':'no'}",
            "{'type':'hangUp','id':'yes','reason':'yes'}",
            "{'type':'hangUp','id':'no','reason':'no'}");
        var interpreter = Interpreter();
        var state = interpreter.Start("f", flow, Call);
        Assert.Equal("yes", Assert.IsType<HangUpAction>(interpreter.Step(flow, state, FlowInput.Begin)).Reason);
        Assert.Equal("cases/1/next", state.Path.Single(p => p.BlockId == "c").Branch);
    }

    [Fact]
    public void Http_request_renders_templates_and_maps_the_response_into_variables()
    {
        var flow = Parse(
            "{'type':'start','id':'s','next':'r'}",
            "{'type':'httpRequest','id':'r','method':'post','url':'https://crm.example/customers/{call.caller}','body':{'number':'{call.caller}','n':1},'timeoutSeconds':3,'response':{'tier':'/customer/tier','open':'/open'},'next':'ok','onError':'bad'}",
            "{'type':'hangUp','id':'ok','reason':'ok'}",
            "{'type':'hangUp','id':'bad','reason':'bad'}");
        var interpreter = Interpreter();
        var state = interpreter.Start("f", flow, Call);
        var request = Assert.IsType<HttpRequestAction>(interpreter.Step(flow, state, FlowInput.Begin));
        Assert.Equal("POST", request.Method);
        Assert.Equal("https://crm.example/customers/%2B15551234567", request.Url);
        var body = System.Text.Json.Nodes.JsonNode.Parse(request.JsonBody!)!;
        Assert.Equal("+15551234567", (string?)body["number"]);
        Assert.Equal(1, (int?)body["n"]);
        Assert.Equal(TimeSpan.FromSeconds(3), request.Timeout);
        var end = interpreter.Step(flow, state, new HttpResultInput(200, "{\"customer\":{\"tier\":\"gold\"},\"open\":true}"));
        Assert.Equal("ok", Assert.IsType<HangUpAction>(end).Reason);
        Assert.Equal("gold", state.Variables["tier"]);
        Assert.Equal("true", state.Variables["open"]);
    }

    [Fact]
    public void Http_timeout_or_refusal_takes_on_error()
    {
        var flow = Parse(
            "{'type':'start','id':'s','next':'r'}",
            "{'type':'httpRequest','id':'r','url':'https://crm.example/x','next':'ok','onError':'bad'}",
            "{'type':'hangUp','id':'ok','reason':'ok'}",
            "{'type':'hangUp','id':'bad','reason':'bad'}");
        var interpreter = Interpreter();
        var state = interpreter.Start("f", flow, Call);
        interpreter.Step(flow, state, FlowInput.Begin);
        var end = interpreter.Step(flow, state, new HttpResultInput(null, null, "timeout"));
        Assert.Equal("bad", Assert.IsType<HangUpAction>(end).Reason);
    }

    [Fact]
    public void Transfer_to_queue_takes_skills_from_variables_and_drops_empty_ones()
    {
        var flow = Parse(
            "{'type':'start','id':'s','next':'set'}",
            "{'type':'setVariables','id':'set','values':{'skill':'spanish'},'next':'q'}",
            "{'type':'transferToQueue','id':'q','queue':'Support','priority':7,'skills':['{vars.skill}','{vars.none}'],'attributes':{'caller':'{call.caller}'}}");
        var interpreter = Interpreter();
        var state = interpreter.Start("f", flow, Call);
        var transfer = Assert.IsType<TransferToQueueAction>(interpreter.Step(flow, state, FlowInput.Begin));
        Assert.Equal(7, transfer.Priority);
        Assert.Equal(["spanish"], transfer.Skills);
        Assert.Equal("+15551234567", transfer.Attributes["caller"]);
        Assert.Equal("transferred", state.Outcome);
    }

    [Fact]
    public void Offer_callback_calls_back_the_caller_by_default_and_a_failure_takes_on_failure()
    {
        var flow = Parse(
            "{'type':'start','id':'s','next':'cb'}",
            "{'type':'offerCallback','id':'cb','queue':'Support','onFailure':'h'}",
            "{'type':'hangUp','id':'h','reason':'no-callback'}");
        var interpreter = Interpreter();
        var state = interpreter.Start("f", flow, Call);
        var callback = Assert.IsType<OfferCallbackAction>(interpreter.Step(flow, state, FlowInput.Begin));
        Assert.Equal(("Support", "+15551234567", false), (callback.Queue, callback.Number, callback.CustomerFirst));
        Assert.Equal("callback", state.Outcome);
        var end = interpreter.Step(flow, state, new TransferFailedInput("unknown_queue"));
        Assert.Equal("no-callback", Assert.IsType<HangUpAction>(end).Reason);
    }

    [Fact]
    public void Offer_callback_in_customer_first_mode_says_so()
    {
        var flow = Parse(
            "{'type':'start','id':'s','next':'cb'}",
            "{'type':'offerCallback','id':'cb','queue':'Support','mode':'customerFirst'}");
        var interpreter = Interpreter();
        var callback = Assert.IsType<OfferCallbackAction>(interpreter.Step(flow, interpreter.Start("f", flow, Call), FlowInput.Begin));
        Assert.True(callback.CustomerFirst);
    }

    [Fact]
    public void Set_language_changes_the_language_of_later_prompts()
    {
        var flow = Parse(
            "{'type':'start','id':'s','next':'l'}",
            "{'type':'setLanguage','id':'l','language':'zh-CN','voice':'cmn','next':'p'}",
            "{'type':'play','id':'p','prompt':{'text':'ni hao'},'next':'h'}",
            "{'type':'hangUp','id':'h'}");
        var interpreter = Interpreter();
        var state = interpreter.Start("f", flow, Call);
        var prompt = Assert.IsType<PlayAction>(interpreter.Step(flow, state, FlowInput.Begin)).Prompts.Single();
        Assert.Equal("zh-CN", prompt.Language);
        Assert.Equal("cmn", prompt.Voice);
    }

    [Fact]
    public void Path_records_durations_from_the_time_provider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero));
        var flow = Parse(
            "{'type':'start','id':'s','next':'p'}",
            "{'type':'play','id':'p','prompt':{'promptId':'welcome.wav'},'next':'h'}",
            "{'type':'hangUp','id':'h'}");
        var interpreter = Interpreter(time);
        var state = interpreter.Start("f", flow, Call);
        interpreter.Step(flow, state, FlowInput.Begin);
        time.Advance(TimeSpan.FromSeconds(4));
        interpreter.Step(flow, state, FlowInput.PromptFinished);
        var play = state.Path.Single(p => p.BlockId == "p");
        Assert.Equal(TimeSpan.FromSeconds(4), play.Duration);
        Assert.Equal(["start", "play", "hangUp"], state.Path.Select(p => p.BlockType));
    }

    [Fact]
    public void Execution_state_survives_serialisation_in_the_middle_of_a_menu()
    {
        var flow = global::Parley.Flows.Samples.DemoFlow.Create();
        var interpreter = Interpreter();
        var state = interpreter.Start("demo", flow, Call);
        interpreter.Step(flow, state, FlowInput.Begin);
        interpreter.Step(flow, state, FlowInput.Timeout);
        var copy = FlowJson.DeserializeState(FlowJson.Serialize(state));
        Assert.Equal(1, copy.Attempts);
        var action = interpreter.Step(flow, copy, new DigitsInput("2"));
        Assert.Equal("Support", Assert.IsType<TransferToQueueAction>(action).Queue);
        Assert.Equal("+15551234567", copy.Call["caller"]);
    }

    [Fact]
    public void Time_references_read_the_tenant_zone()
    {
        // 2026-07-06 (a Monday) 13:30Z is 09:30 in New York (EDT).
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 6, 13, 30, 0, TimeSpan.Zero));
        var flow = Parse(
            "{'type':'start','id':'s','next':'c'}",
            "{'type':'condition','id':'c','cases':[{'when':'time.dayOfWeek == \\'monday\\' and time.time >= \\'09:00\\' and time.hour == 9','next':'yes'}],'otherwise':'no'}",
            "{'type':'hangUp','id':'yes','reason':'yes'}",
            "{'type':'hangUp','id':'no','reason':'no'}");
        var interpreter = Interpreter(time);
        var state = interpreter.Start("f", flow, Call);
        Assert.Equal("yes", Assert.IsType<HangUpAction>(interpreter.Step(flow, state, FlowInput.Begin)).Reason);
    }
}
