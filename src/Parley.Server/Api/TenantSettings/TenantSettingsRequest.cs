using System.ComponentModel.DataAnnotations;
using Parley.Domain.Tenants;

namespace Parley.Server.Api.TenantSettings;

/// <summary>
/// What a tenant admin may change on their own tenant: its time zone (IANA id) and the hosts its flows' HTTP request
/// blocks may call (<see cref="FlowHttpHosts"/>; omitted or null leaves the list as it is, <c>[]</c> empties it); the
/// largest attachment in bytes and the attachment types accepted (from <see cref="AttachmentLimits.Recognised"/>; omitted
/// leaves them as they are, <c>[]</c> restores the defaults).
/// </summary>
public sealed record TenantSettingsRequest(
    [property: Required, StringLength(TenantTimeZone.MaxLength, MinimumLength = 1)] string TimeZone,
    IReadOnlyList<string>? FlowHttpAllowedHosts = null,
    [property: Range(1, AttachmentLimits.MaxMaxBytes)] long? AttachmentMaxBytes = null,
    IReadOnlyList<string>? AttachmentContentTypes = null);
