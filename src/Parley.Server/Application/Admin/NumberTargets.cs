namespace Parley.Server.Application.Admin;

/// <summary>What a phone number may point at: the tenant's queues and its published flows.</summary>
public sealed record NumberTargets(IReadOnlyList<Choice> Queues, IReadOnlyList<Choice> Flows);
