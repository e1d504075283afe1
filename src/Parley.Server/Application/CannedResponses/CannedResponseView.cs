using Parley.Data.Entities.Workspace;

namespace Parley.Server.Application.CannedResponses;

/// <summary>A canned response as the API and the workspace show it; <see cref="Scope"/> is <c>tenant</c> or <c>personal</c>.</summary>
public sealed record CannedResponseView(
    Guid Id, string Scope, string Shortcut, string Title, string Text, string? Language, IReadOnlyList<string> Tags, long Version)
{
    public static CannedResponseView From(CannedResponse row) => new(
        row.Id, row.OwnerUserId is null ? CannedResponseScopes.Tenant : CannedResponseScopes.Personal,
        row.Shortcut, row.Title, row.Text, row.Language, row.Tags, row.Version);
}
