using Parley.Data.Tenancy;

namespace Parley.Server.Usage;

/// <summary>Counts each request to <c>/api</c> made with a tenant's credentials (after authentication, whatever its answer).</summary>
internal sealed class ApiCallMeteringMiddleware(RequestDelegate next, ApiCallMeter meter)
{
    public Task InvokeAsync(HttpContext context, TenantContext tenant)
    {
        if (tenant.TenantId is { } tenantId && context.Request.Path.StartsWithSegments("/api"))
        {
            meter.Count(tenantId);
        }

        return next(context);
    }
}
