namespace Parley.Server.Application.Admin;

/// <summary>
/// What the audit log viewer narrows to: an actor (part of the name or the exact id), an action (exact, e.g. <c>roles.update</c>)
/// and a time range [<see cref="From"/>, <see cref="To"/>). Empty parts do not filter.
/// </summary>
public sealed record AuditFilter(string? Actor = null, string? Action = null, DateTimeOffset? From = null, DateTimeOffset? To = null);
