using Parley.Server.Api.Platform;

namespace Parley.Server.Web.Admin;

/// <summary>A number being assigned to a tenant; <see cref="ToRequest"/> is the REST API's body.</summary>
public sealed class AssignNumberForm
{
    public string Number { get; set; } = "";

    public Guid? TenantId { get; set; }

    public string Description { get; set; } = "";

    public AssignNumberRequest ToRequest() =>
        new(Number.Trim(), TenantId ?? Guid.Empty, string.IsNullOrWhiteSpace(Description) ? null : Description.Trim());
}
