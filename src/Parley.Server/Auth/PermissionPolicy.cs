using Microsoft.AspNetCore.Authorization;

namespace Parley.Server.Auth;

/// <summary>
/// Policies are named <c>perm:NAME</c> (or <c>perm:A|B</c>, any of them); one is built on demand for every permission in
/// the catalogue.
/// </summary>
public static class PermissionPolicy
{
    public const string Prefix = "perm:";

    public const char AnyOfSeparator = '|';

    public static string NameFor(string permission) => Prefix + permission;

    /// <summary>The permissions a policy name asks for, any one of which is enough.</summary>
    public static IReadOnlyList<string> PermissionsOf(string policyName) => policyName[Prefix.Length..].Split(AnyOfSeparator);

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

    /// <summary>
    /// Requires any one of the named permissions, for endpoints whose application service decides per permission what
    /// the caller may see (an agent their own work, a supervisor the tenant's).
    /// </summary>
    public static TBuilder RequireAnyPermission<TBuilder>(this TBuilder builder, params string[] permissions)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var permission in permissions)
        {
            if (!Domain.Security.Permissions.IsKnown(permission))
            {
                throw new ArgumentException($"'{permission}' is not in the permission catalogue.", nameof(permissions));
            }
        }

        return builder.RequireAuthorization(NameFor(string.Join(AnyOfSeparator, permissions)));
    }
}
