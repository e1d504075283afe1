using Microsoft.AspNetCore.Authorization;

namespace Parley.Server.Auth;

/// <summary>Grants a permission requirement when the principal carries that permission and belongs to a tenant.</summary>
internal sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.HasClaim(ParleyClaims.Permission, requirement.Permission)
            && context.User.FindFirst(ParleyClaims.TenantId) is not null)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
