using Parley.Domain.Security;
using Parley.Server.Api.Users;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>The tenant's users with their roles: filtered, sorted and paged by the server (<see cref="UserAdmin.ListAsync"/>).</summary>
public sealed partial class UserList
{
    protected override string WritePermission => Permissions.UsersWrite;

    protected override Task<AppResult<ListPage<UserDto>>> QueryAsync(ListQuery query) =>
        Runner.QueryAsync<UserAdmin, AppResult<ListPage<UserDto>>>(Actor, (s, ct) => s.ListAsync(Actor, query, ct), CancellationToken.None);
}
