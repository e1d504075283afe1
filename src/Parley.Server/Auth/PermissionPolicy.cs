using Microsoft.AspNetCore.Authorization;

namespace Parley.Server.Auth;

/// <summary>Policies are named <c>perm:NAME</c>; one is built on demand for every permission in the catalogue.</summary>
public static class PermissionPolicy
{
    public const string Prefix = "perm:";

    public static string NameFor(string permission) => Prefix + permission;

    /// <summary>Requires the named permission from the catalogue; every Parley endpoint says which one it needs.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder
    {
        if (!Domain.Security.Permissions.IsKnown(permission))
        {
            throw new ArgumentException($"'{permission}' is not in the permission catalogue.", nameof(permission));
        }

        return builder.RequireAuthorization(NameFor(permission));
    }
}
