using Microsoft.AspNetCore.Authorization;

namespace Parley.Server.Auth;

/// <summary>Grants a permission requirement when the principal carries one of its permissions and belongs to a tenant.</summary>
internal sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (requirement.AnyOf.Any(permission => context.User.HasClaim(ParleyClaims.Permission, permission))
            && context.User.FindFirst(ParleyClaims.TenantId) is not null)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
