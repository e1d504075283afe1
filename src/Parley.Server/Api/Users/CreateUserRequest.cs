using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Api.Users;

public sealed record CreateUserRequest(
    [property: Required, StringLength(100, MinimumLength = 2), RegularExpression(UserRequestRules.UserNamePattern)] string UserName,
    [property: Required, StringLength(128, MinimumLength = 1)] string Password,
    [property: StringLength(200)] string? DisplayName,
    [property: EmailAddress, StringLength(256)] string? Email,
    [property: MaxLength(20)] IReadOnlyList<string>? Roles);
