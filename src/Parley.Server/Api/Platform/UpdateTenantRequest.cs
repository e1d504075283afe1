using System.ComponentModel.DataAnnotations;
using Parley.Domain.Tenants;

namespace Parley.Server.Api.Platform;

/// <summary>What the platform operator may change on a tenant: its display name and its time zone (IANA id).</summary>
public sealed record UpdateTenantRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Name,
    [property: Required, StringLength(TenantTimeZone.MaxLength, MinimumLength = 1)] string TimeZone);
