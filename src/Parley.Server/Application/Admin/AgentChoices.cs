namespace Parley.Server.Application.Admin;

/// <summary>The tenant's skills and users, for an agent form's pickers.</summary>
public sealed record AgentChoices(IReadOnlyList<Choice> Skills, IReadOnlyList<Choice> Users);
