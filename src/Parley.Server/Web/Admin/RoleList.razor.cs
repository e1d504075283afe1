using Parley.Domain.Security;
using Parley.Server.Api.Roles;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>The tenant's roles, built-in and custom: filtered, sorted and paged by the server (<see cref="RoleAdmin.ListAsync"/>).</summary>
public sealed partial class RoleList
{
    protected override string WritePermission => Permissions.RolesWrite;

    protected override Task<AppResult<ListPage<RoleDto>>> QueryAsync(ListQuery query) =>
        Runner.QueryAsync<RoleAdmin, AppResult<ListPage<RoleDto>>>(Actor, (s, ct) => s.ListAsync(Actor, query, ct), CancellationToken.None);
}
