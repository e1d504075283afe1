using Parley.Voice.Calls.Ports;

namespace Parley.Server.Voice.Calls;

/// <summary>
/// A callback waiting in its queue: its ACD interaction, the number to call, when the caller first queued, which attempt to
/// reach the customer this is, and whom Parley calls first.
/// </summary>
public sealed record PendingCallbackRow(
    Guid InteractionId, Guid TenantId, Guid QueueId, string Number, string? CalledNumber, Guid? CallId, DateTimeOffset WaitingSince, int Attempt = 1,
    CallbackMode Mode = CallbackMode.Preview);
