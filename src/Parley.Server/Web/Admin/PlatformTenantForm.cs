using Parley.Server.Api.Platform;

namespace Parley.Server.Web.Admin;

/// <summary>A tenant being created or changed by the platform operator; <see cref="ToCreate"/> and <see cref="ToUpdate"/> are the REST API's bodies.</summary>
public sealed class PlatformTenantForm
{
    private TenantDto? _read;

    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    public string TimeZone { get; set; } = "UTC";

    public string AdminUserName { get; set; } = "admin";

    public string AdminPassword { get; set; } = "";

    /// <summary>The version read; an update sends it back (REST's If-Match).</summary>
    public long? Version => _read?.Version;

    public static PlatformTenantForm From(TenantDto t) => new() { _read = t, Slug = t.Slug, Name = t.Name, TimeZone = t.TimeZone };

    public CreateTenantRequest ToCreate() =>
        new(Slug.Trim(), Name.Trim(), AdminUserName.Trim(), AdminPassword, string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone.Trim());

    public UpdateTenantRequest ToUpdate() => new(Name.Trim(), TimeZone.Trim());
}
