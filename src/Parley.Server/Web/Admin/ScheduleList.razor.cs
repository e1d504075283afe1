using Parley.Domain.Security;
using Parley.Server.Api.Schedules;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>The tenant's business-hours schedules: filtered, sorted and paged by the server (<see cref="ScheduleAdmin.ListAsync"/>).</summary>
public sealed partial class ScheduleList
{
    protected override string WritePermission => Permissions.FlowsWrite;

    protected override Task<AppResult<ListPage<ScheduleDto>>> QueryAsync(ListQuery query) =>
        Runner.QueryAsync<ScheduleAdmin, AppResult<ListPage<ScheduleDto>>>(Actor, (s, ct) => s.ListAsync(Actor, query, ct), CancellationToken.None);
}
