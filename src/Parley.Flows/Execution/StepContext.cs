using Parley.Flows.Model;

namespace Parley.Flows.Execution;

/// <summary>One step's view: the root flow, the state, the library and the instant.</summary>
internal sealed class StepContext(FlowDocument root, FlowExecutionState state, IFlowLibrary library, DateTimeOffset now)
{
    public FlowExecutionState State { get; } = state;
    public IFlowLibrary Library { get; } = library;
    public DateTimeOffset Now { get; } = now;
    public ExecutionScope Scope { get; } = new(state, now);

    public FlowDocument? CurrentFlow() =>
        State.CurrentFlowId == State.RootFlowId ? root : Library.FindFlow(State.CurrentFlowId);
}
