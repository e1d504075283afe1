namespace Parley.Flows.Execution;

/// <summary>Offer the call to one agent; the flow is done unless the host answers <see cref="TransferFailedInput"/>.</summary>
public sealed record TransferToAgentAction(string Agent) : FlowAction;
