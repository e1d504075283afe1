using Parley.Domain.Security;
using Parley.Server.Api.Flows;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>The tenant's flows with their published and latest versions: filtered, sorted and paged by the server (<see cref="FlowAdmin.ListAsync"/>).</summary>
public sealed partial class FlowList
{
    protected override string WritePermission => Permissions.FlowsWrite;

    protected override Task<AppResult<ListPage<FlowSummaryDto>>> QueryAsync(ListQuery query) =>
        Runner.QueryAsync<FlowAdmin, AppResult<ListPage<FlowSummaryDto>>>(Actor, (s, ct) => s.ListAsync(Actor, query, ct), CancellationToken.None);
}
