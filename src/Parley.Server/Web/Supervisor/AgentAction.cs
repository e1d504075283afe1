namespace Parley.Server.Web.Supervisor;

/// <summary>A supervisor's action on an agent from the grid: <c>Available</c>, <c>NotReady</c> with a reason, or <c>LoggedOut</c> (sign out).</summary>
public sealed record AgentAction(Guid AgentId, string AgentName, string State, string? Reason);
