using Parley.Domain.Tenants;

namespace Parley.Server.Api.TenantSettings;

/// <summary>
/// The caller's own tenant's settings; <see cref="TimeZone"/> is the IANA zone whose midnight starts "today";
/// <see cref="FlowHttpAllowedHosts"/> the hosts flows' HTTP request blocks may call (empty: none);
/// <see cref="AttachmentMaxBytes"/> and <see cref="AttachmentContentTypes"/> the attachment limits in force.
/// </summary>
public sealed record TenantSettingsDto(
    string Slug, string Name, string TimeZone, IReadOnlyList<string> FlowHttpAllowedHosts, long AttachmentMaxBytes,
    IReadOnlyList<string> AttachmentContentTypes, long Version)
{
    public static TenantSettingsDto From(Tenant t) =>
        new(t.Slug, t.Name, t.TimeZone, t.FlowHttpAllowedHosts, t.AttachmentMaxBytes, AttachmentLimits.AllowedFor(t), t.Version);
}
