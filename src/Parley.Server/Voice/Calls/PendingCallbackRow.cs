namespace Parley.Server.Voice.Calls;

/// <summary>A callback waiting in its queue: its ACD interaction, the number to call, and when the caller first queued.</summary>
public sealed record PendingCallbackRow(Guid InteractionId, Guid TenantId, Guid QueueId, string Number, string? CalledNumber, Guid? CallId, DateTimeOffset WaitingSince);
