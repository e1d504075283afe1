using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Domain.Security;
using Parley.Domain.Tenants;
using Parley.Server.Api.Conventions;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Tenants;

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

    private static Task<IResult> GetAsync(HttpContext http, ParleyDbContext db, CancellationToken ct)
    {
        var tenantId = CurrentActor.Require(http.User).TenantId;
        return db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).ToETaggedResultAsync(http, TenantSettingsDto.From, ct);
    }

    private static async Task<IResult> UpdateAsync(
        TenantSettingsRequest request, HttpContext http, ParleyDbContext db, IGrainFactory grains, AuditScope audit, CancellationToken ct)
    {
        var tenantId = CurrentActor.Require(http.User).TenantId;
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, ct);
        if (tenant is null)
        {
            return ApiProblems.NotFound();
        }

        if (ETags.CheckIfMatch(http, tenant.Version) is { } precondition)
        {
            return precondition;
        }

        if (TenantTimeZones.Validate(request.TimeZone) is { } invalid)
        {
            return invalid;
        }

        List<string>? hosts = null;
        if (request.FlowHttpAllowedHosts is { } requested)
        {
            (hosts, var badHosts) = FlowHttpAllowList.Validate(requested);
            if (badHosts is not null)
            {
                return badHosts;
            }
        }

        if (request.AttachmentContentTypes?.FirstOrDefault(t => !AttachmentLimits.Recognised.Contains(t, StringComparer.Ordinal)) is { } unknown)
        {
            return ApiProblems.Invalid("attachmentContentTypes", $"'{unknown}' is not one of {string.Join(", ", AttachmentLimits.Recognised)}.");
        }

        var previous = tenant.TimeZone;
        var previousHosts = tenant.FlowHttpAllowedHosts;
        tenant.TimeZone = request.TimeZone;
        tenant.FlowHttpAllowedHosts = hosts ?? tenant.FlowHttpAllowedHosts;
        var previousAttachments = $"{tenant.AttachmentMaxBytes} bytes of [{string.Join(", ", AttachmentLimits.AllowedFor(tenant))}]";
        tenant.AttachmentMaxBytes = request.AttachmentMaxBytes ?? tenant.AttachmentMaxBytes;
        tenant.AttachmentContentTypes = request.AttachmentContentTypes is { } types ? [.. types.Distinct(StringComparer.Ordinal)] : tenant.AttachmentContentTypes;
        await db.SaveChangesAsync(ct);
        if (previous != request.TimeZone)
        {
            await TenantTimeZones.RefreshRoutingAsync(grains, tenant.Id);
        }

        var change = $"changed time zone from {previous} to {tenant.TimeZone}";
        if (hosts is not null && !hosts.SequenceEqual(previousHosts))
        {
            change += $"; flow HTTP hosts from [{string.Join(", ", previousHosts)}] to [{string.Join(", ", hosts)}]";
        }

        var attachments = $"{tenant.AttachmentMaxBytes} bytes of [{string.Join(", ", AttachmentLimits.AllowedFor(tenant))}]";
        if (attachments != previousAttachments)
        {
            change += $"; attachments from {previousAttachments} to {attachments}";
        }

        audit.Target("tenant", tenant.Id).Describe(change);
        ETags.Set(http, tenant.Version);
        return TypedResults.Ok(TenantSettingsDto.From(tenant));
    }
}
