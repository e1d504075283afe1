using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Api.Users;

public sealed record UpdateUserRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string DisplayName,
    [property: EmailAddress, StringLength(256)] string? Email,
    [property: Required, MaxLength(20)] IReadOnlyList<string> Roles,
    [property: StringLength(128, MinimumLength = 1)] string? NewPassword);
