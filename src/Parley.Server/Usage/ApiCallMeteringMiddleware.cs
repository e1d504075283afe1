using Parley.Data.Tenancy;
using Parley.Server.Tenants;

namespace Parley.Server.Usage;

/// <summary>
/// For each request to <c>/api</c> made with a tenant's credentials (after authentication, whatever its answer): counts
/// it for usage, and leaves the tenant plan's API rate for the rate limiter that runs next.
/// </summary>
internal sealed class ApiCallMeteringMiddleware(RequestDelegate next, ApiCallMeter meter, TenantApiRates rates)
{
    public async Task InvokeAsync(HttpContext context, TenantContext tenant)
    {
        if (tenant.TenantId is { } tenantId && context.Request.Path.StartsWithSegments("/api"))
        {
            meter.Count(tenantId);
            context.Items[TenantApiRates.ItemKey] = await rates.GetAsync(tenantId, context.RequestAborted);
        }

        await next(context);
    }
}
