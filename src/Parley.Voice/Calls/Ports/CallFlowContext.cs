using Parley.Flows.Execution;
using Parley.Media;

namespace Parley.Voice.Calls.Ports;

/// <summary>
/// One flow execution on a call: the caller's media, the tenant, and the call's own handling of transfers (queue,
/// agent, number), which answers <see cref="TransferFailedInput"/> when the transfer cannot happen.
/// </summary>
public sealed record CallFlowContext(
    MediaSession Session,
    Guid TenantId,
    Guid CallId,
    Func<FlowAction, CancellationToken, ValueTask<FlowInput>> Transfer);
