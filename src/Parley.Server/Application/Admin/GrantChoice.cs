namespace Parley.Server.Application.Admin;

/// <summary>A permission or a role a form may offer: its name, what it means, and whether the actor may grant it (holds all it gives).</summary>
public sealed record GrantChoice(string Name, string Description, bool Grantable);
