namespace Parley.Flows.Execution;

/// <summary>Put the call in a queue; the flow is done unless the host answers <see cref="TransferFailedInput"/>.</summary>
public sealed record TransferToQueueAction(
    string Queue, int Priority, IReadOnlyList<string> Skills, IReadOnlyDictionary<string, string> Attributes) : FlowAction;
