namespace Parley.Server.Web.Workspace;

/// <summary>A state the agent picked in the workspace: <c>Available</c> or <c>NotReady</c> with a reason code.</summary>
public sealed record StateChoice(string State, string? Reason);
