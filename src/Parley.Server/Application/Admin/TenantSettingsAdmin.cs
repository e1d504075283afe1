using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Domain.Tenants;
using Parley.Server.Api.TenantSettings;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Tenants;

namespace Parley.Server.Application.Admin;

/// <summary>
/// The caller's own tenant's settings for <c>/api/v1/tenant/settings</c> and the console's <c>/admin/settings</c>: the tenant comes
/// from the actor, never from the request. Reading takes <c>queues.read</c>, changing <c>tenant.settings.write</c> with the version
/// read (a different one is <see cref="AppErrorKind.Stale"/>). A new time zone reaches the tenant's routing grain before the answer.
/// </summary>
internal sealed class TenantSettingsAdmin(ParleyDbContext db, TenantContext tenant, IGrainFactory grains, AuditScope audit)
{
    public async Task<AppResult<TenantSettingsDto>> GetAsync(CurrentActor actor, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.QueuesRead) is { } refused)
        {
            return refused;
        }

        return await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == actor.TenantId, ct) is { } own
            ? AppResult<TenantSettingsDto>.Ok(TenantSettingsDto.From(own))
            : AppError.NotFound();
    }

    /// <summary>Changes the settings if the tenant is still at <paramref name="expectedVersion"/> (null: whatever it is now).</summary>
    public async Task<AppResult<TenantSettingsDto>> UpdateAsync(CurrentActor actor, long? expectedVersion, TenantSettingsRequest request, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.TenantSettingsWrite) ?? RequestChecks.Check(request)) is { } refused)
        {
            return refused;
        }

        if (await db.Tenants.SingleOrDefaultAsync(t => t.Id == actor.TenantId, ct) is not { } own)
        {
            return AppError.NotFound();
        }

        if (expectedVersion is { } version && version != own.Version)
        {
            return AppError.Stale();
        }

        if (ProblemErrors.From(TenantTimeZones.Validate(request.TimeZone)) is { } badZone)
        {
            return badZone;
        }

        List<string>? hosts = null;
        if (request.FlowHttpAllowedHosts is { } requested)
        {
            (hosts, var badHosts) = FlowHttpAllowList.Validate(requested);
            if (ProblemErrors.From(badHosts) is { } invalid)
            {
                return invalid;
            }
        }

        if (request.AttachmentContentTypes?.FirstOrDefault(t => !AttachmentLimits.Recognised.Contains(t, StringComparer.Ordinal)) is { } unknown)
        {
            return AppError.Invalid("attachmentContentTypes", $"'{unknown}' is not one of {string.Join(", ", AttachmentLimits.Recognised)}.");
        }

        var change = Apply(own, request, hosts);
        await db.SaveChangesAsync(ct);
        if (change.ZoneChanged)
        {
            await TenantTimeZones.RefreshRoutingAsync(grains, own.Id);
        }

        audit.Target("tenant", own.Id).Describe(change.Summary);
        return AppResult<TenantSettingsDto>.Ok(TenantSettingsDto.From(own));
    }

    private static (bool ZoneChanged, string Summary) Apply(Tenant own, TenantSettingsRequest request, List<string>? hosts)
    {
        var previous = own.TimeZone;
        var previousHosts = own.FlowHttpAllowedHosts;
        var previousAttachments = $"{own.AttachmentMaxBytes} bytes of [{string.Join(", ", AttachmentLimits.AllowedFor(own))}]";
        own.TimeZone = request.TimeZone;
        own.FlowHttpAllowedHosts = hosts ?? own.FlowHttpAllowedHosts;
        own.AttachmentMaxBytes = request.AttachmentMaxBytes ?? own.AttachmentMaxBytes;
        own.AttachmentContentTypes = request.AttachmentContentTypes is { } types ? [.. types.Distinct(StringComparer.Ordinal)] : own.AttachmentContentTypes;

        var summary = $"changed time zone from {previous} to {own.TimeZone}";
        if (hosts is not null && !hosts.SequenceEqual(previousHosts))
        {
            summary += $"; flow HTTP hosts from [{string.Join(", ", previousHosts)}] to [{string.Join(", ", hosts)}]";
        }

        var attachments = $"{own.AttachmentMaxBytes} bytes of [{string.Join(", ", AttachmentLimits.AllowedFor(own))}]";
        if (attachments != previousAttachments)
        {
            summary += $"; attachments from {previousAttachments} to {attachments}";
        }

        return (previous != own.TimeZone, summary);
    }
}
