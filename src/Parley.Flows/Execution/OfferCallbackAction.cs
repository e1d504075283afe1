namespace Parley.Flows.Execution;

/// <summary>
/// Queue a callback to <paramref name="Number"/> in <paramref name="Queue"/> and end the call; the flow is done unless the
/// host answers <see cref="TransferFailedInput"/>.
/// </summary>
public sealed record OfferCallbackAction(string Queue, string Number) : FlowAction;
