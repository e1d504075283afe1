namespace Parley.Cluster.Routing.Messages;

/// <summary>How many of a queue's member agents are in each state.</summary>
[GenerateSerializer, Immutable]
public sealed record AgentCountsView(int LoggedOut, int Available, int Reserved, int Busy, int AfterCallWork, int NotReady);
