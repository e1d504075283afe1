namespace Parley.Routing.Queues;

/// <summary>
/// Full real-time view of a queue for supervisors: the pushed <see cref="Statistics"/> plus member agents by
/// state and the free slots (capacity left on the queue's channels) of agents able to take work now.
/// </summary>
public sealed record QueueSnapshot(QueueStatistics Statistics, AgentStateCounts Agents, int AvailableSlots);
