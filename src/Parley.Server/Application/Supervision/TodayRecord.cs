namespace Parley.Server.Application.Supervision;

/// <summary>An interaction that entered a queue today, as stored (<see cref="Status"/>: Waiting, Active, Ended, Abandoned, Overflowed).</summary>
public sealed record TodayRecord(Guid Id, Guid QueueId, string Channel, DateTimeOffset EnqueuedAt, DateTimeOffset? AcceptedAt, string Status);
