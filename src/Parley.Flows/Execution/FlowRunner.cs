using Parley.Flows.Model;

namespace Parley.Flows.Execution;

/// <summary>
/// Drives an execution against an <see cref="IFlowHost"/> until it ends or the host stops stepping: steps, performs
/// the action, steps again with the host's answer. Hosts that keep the state elsewhere between inputs (on a grain)
/// call <see cref="FlowInterpreter.Step"/> themselves instead.
/// </summary>
public sealed class FlowRunner(FlowInterpreter interpreter)
{
    /// <summary>Runs to the end; returns the final action (a hang-up, or the transfer the host accepted).</summary>
    public async ValueTask<FlowAction> RunAsync(
        FlowDocument flow, FlowExecutionState state, IFlowHost host, IFlowLibrary? library = null,
        CancellationToken cancellationToken = default)
    {
        var action = interpreter.Step(flow, state, FlowInput.Begin, library);
        while (!action.IsFinal)
        {
            var input = await host.PerformAsync(action, cancellationToken).ConfigureAwait(false);
            var isTransfer = action is TransferToQueueAction or TransferToAgentAction or TransferToNumberAction or OfferCallbackAction;
            if (isTransfer && input is not TransferFailedInput)
            {
                return action;
            }
            action = interpreter.Step(flow, state, input, library);
        }
        return action;
    }
}
