using Parley.Domain.Security;
using Parley.Server.Api.ApiClients;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>The tenant's API clients: filtered, sorted and paged by the server (<see cref="ApiClientAdmin.ListAsync"/>).</summary>
public sealed partial class ApiClientList
{
    protected override string WritePermission => Permissions.ApiClientsWrite;

    protected override Task<AppResult<ListPage<ApiClientDto>>> QueryAsync(ListQuery query) =>
        Runner.QueryAsync<ApiClientAdmin, AppResult<ListPage<ApiClientDto>>>(Actor, (s, ct) => s.ListAsync(Actor, query, ct), CancellationToken.None);
}
