namespace Parley.Routing.Queues;

/// <summary>How many of a queue's member agents are in each state.</summary>
public sealed record AgentStateCounts(int LoggedOut, int Available, int Reserved, int Busy, int AfterCallWork, int NotReady);
