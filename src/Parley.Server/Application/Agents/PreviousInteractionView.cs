namespace Parley.Server.Application.Agents;

/// <summary>An earlier interaction of the same customer, for the customer panel.</summary>
public sealed record PreviousInteractionView(Guid Id, string Channel, string QueueName, DateTimeOffset EnqueuedAt, string Status, string? Outcome);
