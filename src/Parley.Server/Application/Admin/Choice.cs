namespace Parley.Server.Application.Admin;

/// <summary>Something a form picks by name and stores by id.</summary>
public sealed record Choice(Guid Id, string Name);
