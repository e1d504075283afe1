namespace Parley.Server.Application.Supervision;

/// <summary>An agent's configuration as the calculator needs it: skills as shown (name and proficiency) and capacity per channel.</summary>
public sealed record AgentInput(Guid Id, string Name, IReadOnlyList<string> Skills, IReadOnlyDictionary<string, int> Capacities);
