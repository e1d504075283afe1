namespace Parley.Server.Web.Workspace;

/// <summary>What the agent entered to complete wrap-up: a code (when the queue has them) and notes.</summary>
public sealed record WrapUpChoice(string? Code, string? Notes);
