namespace Parley.Server.Voice.Calls;

/// <summary>A callback waiting in its queue: its ACD interaction, the number to call, when the caller first queued, and which attempt to reach the customer this is.</summary>
public sealed record PendingCallbackRow(Guid InteractionId, Guid TenantId, Guid QueueId, string Number, string? CalledNumber, Guid? CallId, DateTimeOffset WaitingSince, int Attempt = 1);
