namespace Parley.Server.Api.Audit;

/// <summary>Filters of <c>GET /api/v1/audit</c>; newest first, paged by sequence.</summary>
public sealed record AuditQuery(DateTimeOffset? From, DateTimeOffset? To, string? Actor, string? Action, int? Limit, string? Cursor);
