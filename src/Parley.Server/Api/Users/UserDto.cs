using Parley.Data.Entities;

namespace Parley.Server.Api.Users;

public sealed record UserDto(Guid Id, string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles, bool LockedOut, long Version)
{
    public static UserDto From(ParleyUser user, IReadOnlyList<string> roles, DateTimeOffset now) =>
        new(user.Id, user.UserName!, user.DisplayName, user.Email, roles, user.LockoutEnd > now, user.Version);
}
