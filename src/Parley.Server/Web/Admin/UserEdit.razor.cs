using Parley.Domain.Security;
using Parley.Server.Api.Users;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>
/// Creates or edits a user and the roles they hold through <see cref="UserAdmin"/>, the REST API's code, with the version read.
/// Roles that grant more than the actor holds are shown but cannot be ticked; the password is sent only when typed.
/// </summary>
public sealed partial class UserEdit
{
    private static readonly string[] Fields = ["userName", "displayName", "email", "password", "newPassword", "roles"];

    private IReadOnlyList<GrantChoice> _roles = [];
    private HashSet<string> _selected = new(StringComparer.Ordinal);
    private string _userName = "";
    private string _displayName = "";
    private string _email = "";
    private string _password = "";
    private long? _version;

    protected override string WritePermission => Permissions.UsersWrite;

    protected override string ListPath => "/admin/users";

    private string Title => Id is null ? "New user" : _userName is { Length: > 0 } && !Missing ? _userName : "User";

    protected override async Task LoadChoicesAsync()
    {
        var roles = await Runner.QueryAsync<UserAdmin, AppResult<IReadOnlyList<GrantChoice>>>(Actor, (s, ct) => s.RoleChoicesAsync(Actor, ct), CancellationToken.None);
        _roles = roles.Value ?? [];
    }

    protected override Task<AppResult<UserDto>> ReadAsync(Guid id) =>
        Runner.QueryAsync<UserAdmin, AppResult<UserDto>>(Actor, (s, ct) => s.GetAsync(Actor, id, ct), CancellationToken.None);

    protected override void ShowNew()
    {
        Show(null);
    }

    protected override void Show(UserDto? resource)
    {
        _userName = resource?.UserName ?? "";
        _displayName = resource?.DisplayName ?? "";
        _email = resource?.Email ?? "";
        _password = "";
        _selected = new HashSet<string>(resource?.Roles ?? [], StringComparer.Ordinal);
        _version = resource?.Version;
    }

    protected override Task<AppResult<UserDto>> WriteAsync(Guid? id)
    {
        var roles = _roles.Select(r => r.Name).Where(_selected.Contains).ToArray();
        var email = string.IsNullOrWhiteSpace(_email) ? null : _email.Trim();
        var expected = _version;
        if (id is { } existing)
        {
            var update = new UpdateUserRequest(_displayName.Trim(), email, roles, _password.Length == 0 ? null : _password);
            return Runner.CommandAsync<UserAdmin, UserDto>(Actor, "users.update", (s, ct) => s.UpdateAsync(Actor, existing, expected, update, ct), CancellationToken.None);
        }

        var create = new CreateUserRequest(_userName.Trim(), _password, string.IsNullOrWhiteSpace(_displayName) ? null : _displayName.Trim(), email, roles);
        return Runner.CommandAsync<UserAdmin, UserDto>(Actor, "users.create", (s, ct) => s.CreateAsync(Actor, create, ct), CancellationToken.None);
    }

    protected override Guid IdOf(UserDto resource) => resource.Id;

    private Task<AppResult<Done>> DeleteAsync(Guid id) =>
        Runner.CommandAsync<UserAdmin, Done>(Actor, "users.delete", (s, ct) => s.DeleteAsync(Actor, id, ct), CancellationToken.None);
}
