using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Application.CannedResponses;

/// <summary>
/// Body of creating or replacing a canned response. <see cref="Scope"/>: <c>tenant</c> (needs
/// <c>tenant.settings.write</c>) or <c>personal</c> (the caller's own; the default).
/// </summary>
public sealed record CannedResponseInput(
    [property: Required, StringLength(CannedResponseRules.MaxShortcut, MinimumLength = 1)] string Shortcut,
    [property: Required, StringLength(CannedResponseRules.MaxTitle, MinimumLength = 1)] string Title,
    [property: Required, StringLength(CannedResponseRules.MaxText, MinimumLength = 1)] string Text,
    string? Scope = CannedResponseScopes.Personal,
    [property: StringLength(35)] string? Language = null,
    IReadOnlyList<string>? Tags = null);
