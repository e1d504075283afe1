using Parley.Data.Tenancy;
using Parley.Domain.Tenants;
using Parley.Server.Auth;

namespace Parley.Server.Tenants;

/// <summary>
/// Sets the request's tenant from the authenticated principal (never from anything else the client sends) and
/// turns away principals of suspended or deleted tenants.
/// </summary>
internal sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TenantContext tenant, TenantStatusCache statuses)
    {
        if (CurrentActor.From(context.User) is { } actor)
        {
            var status = await statuses.GetAsync(actor.TenantId, context.RequestAborted);
            if (status != TenantStatus.Active)
            {
                await Results.Problem(
                        statusCode: status is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden,
                        title: status is null ? "Unauthorized" : "Tenant suspended",
                        detail: status is null ? "The credentials belong to no tenant." : "The tenant is suspended; contact the platform operator.")
                    .ExecuteAsync(context);
                return;
            }

            tenant.Set(actor.TenantId);
        }

        await next(context);
    }
}
