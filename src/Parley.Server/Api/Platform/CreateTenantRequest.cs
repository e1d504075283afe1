using System.ComponentModel.DataAnnotations;
using Parley.Domain.Tenants;

namespace Parley.Server.Api.Platform;

public sealed record CreateTenantRequest(
    [property: Required, StringLength(TenantSlug.MaxLength, MinimumLength = 2), RegularExpression("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")] string Slug,
    [property: Required, StringLength(200, MinimumLength = 1)] string Name,
    [property: Required, StringLength(100, MinimumLength = 2)] string AdminUserName,
    [property: Required, StringLength(128, MinimumLength = 1)] string AdminPassword,
    [property: StringLength(TenantTimeZone.MaxLength)] string? TimeZone = null);
