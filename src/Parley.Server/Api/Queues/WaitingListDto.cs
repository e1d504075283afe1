namespace Parley.Server.Api.Queues;

/// <summary>A queue's waiting line as the routing engine holds it at <see cref="At"/>.</summary>
public sealed record WaitingListDto(Guid QueueId, DateTimeOffset At, IReadOnlyList<WaitingInteractionDto> Items);
