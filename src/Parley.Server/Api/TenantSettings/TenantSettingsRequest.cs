using System.ComponentModel.DataAnnotations;
using Parley.Domain.Tenants;

namespace Parley.Server.Api.TenantSettings;

/// <summary>What a tenant admin may change on their own tenant: its time zone (IANA id).</summary>
public sealed record TenantSettingsRequest(
    [property: Required, StringLength(TenantTimeZone.MaxLength, MinimumLength = 1)] string TimeZone);
