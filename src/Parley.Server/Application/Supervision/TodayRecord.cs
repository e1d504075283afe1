namespace Parley.Server.Application.Supervision;

/// <summary>
/// An interaction that entered a queue today, as stored (<see cref="Status"/>: Waiting, Active, Ended, Abandoned, Overflowed);
/// <see cref="Placed"/>: a call an agent placed (<see cref="Reports.PlacedCalls"/>), which is not an offered contact.
/// </summary>
public sealed record TodayRecord(Guid Id, Guid QueueId, string Channel, DateTimeOffset EnqueuedAt, DateTimeOffset? AcceptedAt, string Status, bool Placed = false);
