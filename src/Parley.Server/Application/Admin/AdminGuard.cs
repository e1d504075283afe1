using Parley.Data.Tenancy;
using Parley.Server.Auth;

namespace Parley.Server.Application.Admin;

/// <summary>The first step of every admin command and query: the actor's permission, then the unit of work bound to the actor's tenant.</summary>
internal static class AdminGuard
{
    public static AppError? Require(this TenantContext tenant, CurrentActor actor, string permission)
    {
        if (!actor.Permissions.Contains(permission))
        {
            return AppError.Forbidden(permission);
        }

        tenant.Set(actor.TenantId);
        return null;
    }
}
