using Parley.Domain.Security;
using Parley.Server.Api.Roles;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>
/// Creates or edits a custom role (a name and a chosen set of permissions) through <see cref="RoleAdmin"/>, the REST API's code,
/// with the version read. Permissions the actor does not hold are shown but cannot be ticked; built-in roles are read-only.
/// </summary>
public sealed partial class RoleEdit
{
    private static readonly string[] Fields = ["name", "description", "permissions"];

    private IReadOnlyList<GrantChoice> _choices = [];
    private HashSet<string> _permissions = new(StringComparer.Ordinal);
    private string _name = "";
    private string _description = "";
    private bool _builtIn;
    private long? _version;

    protected override string WritePermission => Permissions.RolesWrite;

    protected override string ListPath => "/admin/roles";

    private bool Editable => CanWrite && !_builtIn;

    private string Title => Id is null ? "New role" : _name is { Length: > 0 } && !Missing ? _name : "Role";

    protected override async Task LoadChoicesAsync()
    {
        var choices = await Runner.QueryAsync<RoleAdmin, AppResult<IReadOnlyList<GrantChoice>>>(Actor, (s, ct) => s.PermissionsAsync(Actor, ct), CancellationToken.None);
        _choices = choices.Value ?? [];
    }

    protected override Task<AppResult<RoleDto>> ReadAsync(Guid id) =>
        Runner.QueryAsync<RoleAdmin, AppResult<RoleDto>>(Actor, (s, ct) => s.GetAsync(Actor, id, ct), CancellationToken.None);

    protected override void ShowNew()
    {
        Show(null);
    }

    protected override void Show(RoleDto? resource)
    {
        _name = resource?.Name ?? "";
        _description = resource?.Description ?? "";
        _permissions = new HashSet<string>(resource?.Permissions ?? [], StringComparer.Ordinal);
        _builtIn = resource?.BuiltIn ?? false;
        _version = resource?.Version;
    }

    protected override Task<AppResult<RoleDto>> WriteAsync(Guid? id)
    {
        // Catalogue order, as the role stores them.
        var permissions = _choices.Select(c => c.Name).Where(_permissions.Contains).ToArray();
        var request = new RoleRequest(_name.Trim(), string.IsNullOrWhiteSpace(_description) ? null : _description.Trim(), permissions);
        var expected = _version;
        return id is { } existing
            ? Runner.CommandAsync<RoleAdmin, RoleDto>(Actor, "roles.update", (s, ct) => s.UpdateAsync(Actor, existing, expected, request, ct), CancellationToken.None)
            : Runner.CommandAsync<RoleAdmin, RoleDto>(Actor, "roles.create", (s, ct) => s.CreateAsync(Actor, request, ct), CancellationToken.None);
    }

    protected override Guid IdOf(RoleDto resource) => resource.Id;

    private Task<AppResult<Done>> DeleteAsync(Guid id) =>
        Runner.CommandAsync<RoleAdmin, Done>(Actor, "roles.delete", (s, ct) => s.DeleteAsync(Actor, id, ct), CancellationToken.None);
}
