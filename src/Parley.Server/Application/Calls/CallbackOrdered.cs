namespace Parley.Server.Application.Calls;

/// <summary>A callback asked for: its interaction, <c>waiting</c> (in the queue now) or <c>scheduled</c> (joins it at <see cref="DueAt"/>).</summary>
public sealed record CallbackOrdered(Guid InteractionId, string Status, Guid QueueId, string Number, DateTimeOffset? DueAt, string Mode = "preview");
