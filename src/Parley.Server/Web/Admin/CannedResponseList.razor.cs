using Parley.Domain.Security;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Application.CannedResponses;

namespace Parley.Server.Web.Admin;

/// <summary>The tenant's canned responses: filtered, sorted and paged by the server (<see cref="CannedResponseService.PageAsync"/>).</summary>
public sealed partial class CannedResponseList
{
    protected override string WritePermission => Permissions.TenantSettingsWrite;

    protected override Task<AppResult<ListPage<CannedResponseView>>> QueryAsync(ListQuery query) =>
        Runner.QueryAsync<CannedResponseService, AppResult<ListPage<CannedResponseView>>>(Actor, (s, ct) => s.PageAsync(Actor, query, ct), CancellationToken.None);
}
