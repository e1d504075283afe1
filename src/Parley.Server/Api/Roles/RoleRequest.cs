using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Api.Roles;

/// <summary>Body of creating or replacing a custom role.</summary>
public sealed record RoleRequest(
    [property: Required, StringLength(64, MinimumLength = 2), RegularExpression("^[a-z0-9][a-z0-9-]*$")] string Name,
    [property: StringLength(500)] string? Description,
    [property: Required, MaxLength(100)] IReadOnlyList<string> Permissions);
