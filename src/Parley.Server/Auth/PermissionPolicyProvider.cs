using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Parley.Server.Auth;

/// <summary>Builds the <c>perm:NAME</c> and <c>perm:A|B</c> policies on demand, so adding a permission needs no registration.</summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(PermissionPolicy.Prefix, StringComparison.Ordinal))
        {
            return new AuthorizationPolicyBuilder(ParleyAuthSchemes.Default)
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(PermissionPolicy.PermissionsOf(policyName)))
                .Build();
        }

        return await base.GetPolicyAsync(policyName);
    }
}
