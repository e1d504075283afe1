namespace Parley.Flows.Execution;

/// <summary>
/// The port a channel implements: carry out one action and report what happened. Voice plays and listens on the
/// call's media; a chat bot would send text and wait for a message. Completes when the input is known.
/// </summary>
public interface IFlowHost
{
    ValueTask<FlowInput> PerformAsync(FlowAction action, CancellationToken cancellationToken);
}
