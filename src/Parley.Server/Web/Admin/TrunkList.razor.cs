using Parley.Domain.Security;
using Parley.Server.Api.Trunks;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>The tenant's SIP trunks: filtered, sorted and paged by the server (<see cref="TrunkAdmin.ListAsync"/>), a row opens it.</summary>
public sealed partial class TrunkList
{
    protected override string WritePermission => Permissions.TrunksWrite;

    protected override Task<AppResult<ListPage<TrunkDto>>> QueryAsync(ListQuery query) =>
        Runner.QueryAsync<TrunkAdmin, AppResult<ListPage<TrunkDto>>>(Actor, (s, ct) => s.ListAsync(Actor, query, ct), CancellationToken.None);
}
