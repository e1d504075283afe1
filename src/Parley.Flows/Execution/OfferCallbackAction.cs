namespace Parley.Flows.Execution;

/// <summary>
/// Queue a callback to <paramref name="Number"/> in <paramref name="Queue"/> and end the call; the flow is done unless the
/// host answers <see cref="TransferFailedInput"/>. <paramref name="CustomerFirst"/>: Parley calls the customer before
/// ringing the agent (otherwise preview: agent first).
/// </summary>
public sealed record OfferCallbackAction(string Queue, string Number, bool CustomerFirst = false) : FlowAction;
