using Parley.Data.Entities;

namespace Parley.Server.Api.Roles;

public sealed record RoleDto(Guid Id, string Name, string Description, bool BuiltIn, IReadOnlyList<string> Permissions, long Version)
{
    public static RoleDto From(ParleyRole role) =>
        new(role.Id, role.Name!, role.Description, role.IsBuiltIn, role.GetPermissions(), role.Version);
}
