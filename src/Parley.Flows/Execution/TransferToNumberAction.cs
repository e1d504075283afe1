namespace Parley.Flows.Execution;

/// <summary>Call an external number through the tenant's trunk and bridge; the flow is done unless the host answers <see cref="TransferFailedInput"/>.</summary>
public sealed record TransferToNumberAction(string Number, string? CallerId) : FlowAction;
