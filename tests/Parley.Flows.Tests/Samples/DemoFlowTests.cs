using Microsoft.Extensions.DependencyInjection;
using Parley.Flows.Execution;
using Parley.Flows.Samples;
using Parley.Flows.Validation;

namespace Parley.Flows.Tests.Samples;

public sealed class DemoFlowTests
{
    [Fact]
    public void Demo_flow_validates_against_the_demo_queues_and_voices()
    {
        var validator = new FlowValidator(new FlowOptions());
        var result = validator.Validate(DemoFlow.Json(), new FlowValidationContext
        {
            KnownVoices = new HashSet<string> { "en-us" },
            KnownLanguages = new HashSet<string> { "en-US" },
            References = new FlowReferenceSet(queues: ["Sales", "Support"]),
        });
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Demo_flow_refers_to_queues_that_must_exist()
    {
        var result = new FlowValidator(new FlowOptions()).Validate(DemoFlow.Json(), new FlowValidationContext
        {
            References = new FlowReferenceSet(queues: ["Sales"]),
        });
        var error = Assert.Single(result.Errors);
        Assert.Equal("/blocks/3/queue", error.Pointer);
    }

    private sealed class ScriptedHost(params FlowInput[] inputs) : IFlowHost
    {
        private readonly Queue<FlowInput> _inputs = new(inputs);
        public List<FlowAction> Actions { get; } = [];

        public ValueTask<FlowInput> PerformAsync(FlowAction action, CancellationToken cancellationToken)
        {
            Actions.Add(action);
            return ValueTask.FromResult(_inputs.Count > 0 ? _inputs.Dequeue() : FlowInput.Timeout);
        }
    }

    [Fact]
    public async Task Runner_drives_the_demo_flow_through_a_host_from_greeting_to_support()
    {
        await using var provider = new ServiceCollection().AddParleyFlows(o => o.MaxSteps = 100).BuildServiceProvider();
        var runner = provider.GetRequiredService<FlowRunner>();
        var interpreter = provider.GetRequiredService<FlowInterpreter>();
        var flow = DemoFlow.Create();
        var state = interpreter.Start("demo", flow, new CallInfo("c1", "+15551234567", "+15550100"));
        var host = new ScriptedHost(FlowInput.Timeout, new SpeechInput("support", 0.9), new PromptFinishedInput());
        var final = await runner.RunAsync(flow, state, host, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("Support", Assert.IsType<TransferToQueueAction>(final).Queue);
        Assert.Equal(3, host.Actions.Count);
    }

    [Fact]
    public void Invalid_options_fail_at_start_up()
    {
        using var provider = new ServiceCollection().AddParleyFlows(o => o.MaxSteps = 0).BuildServiceProvider();
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => { provider.GetRequiredService<FlowInterpreter>(); });
    }
}
