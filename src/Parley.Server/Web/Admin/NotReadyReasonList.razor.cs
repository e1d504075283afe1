using Parley.Domain.Security;
using Parley.Server.Api.NotReadyReasons;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>The tenant's not-ready reasons: filtered, sorted and paged by the server (<see cref="NotReadyReasonAdmin.ListAsync"/>).</summary>
public sealed partial class NotReadyReasonList
{
    protected override string WritePermission => Permissions.AgentsWrite;

    protected override Task<AppResult<ListPage<NotReadyReasonDto>>> QueryAsync(ListQuery query) =>
        Runner.QueryAsync<NotReadyReasonAdmin, AppResult<ListPage<NotReadyReasonDto>>>(Actor, (s, ct) => s.ListAsync(Actor, query, ct), CancellationToken.None);
}
