using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.TenantSettings;

/// <summary>
/// <c>/api/v1/tenant/settings</c>: the caller's own tenant (from the credentials, never from the request). The time
/// zone decides when "today" queue statistics start again; <c>flowHttpAllowedHosts</c> lists the hosts flows' HTTP
/// request blocks may call. Reading takes <c>queues.read</c>, changing <c>tenant.settings.write</c> (tenant admins hold it).
/// </summary>
public static class TenantSettingsApi
{
    public static RouteGroupBuilder MapTenantSettingsApi(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/tenant/settings").WithTags("Tenant settings");
        settings.MapGet("/", GetAsync).RequirePermission(Permissions.QueuesRead);
        settings.MapPut("/", UpdateAsync).RequirePermission(Permissions.TenantSettingsWrite).Audited("tenant.settings.update");
        return api;
    }

    // Reads and writes are the application layer's (TenantSettingsAdmin), shared with the admin console; REST adds If-Match and the ETag.
    private static async Task<IResult> GetAsync(HttpContext http, TenantSettingsAdmin settings, CancellationToken ct) =>
        (await settings.GetAsync(CurrentActor.Require(http.User), ct)).ToHttp(s => Ok(http, s));

    private static async Task<IResult> UpdateAsync(TenantSettingsRequest request, HttpContext http, TenantSettingsAdmin settings, CancellationToken ct) =>
        IfMatch.Read(http, out var expected) ?? (await settings.UpdateAsync(CurrentActor.Require(http.User), expected, request, ct)).ToHttp(s => Ok(http, s));

    private static IResult Ok(HttpContext http, TenantSettingsDto settings)
    {
        ETags.Set(http, settings.Version);
        return TypedResults.Ok(settings);
    }
}
