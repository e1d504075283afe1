using Parley.Domain.Security;
using Parley.Server.Api.Platform;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Application.Platform;

namespace Parley.Server.Web.Admin;

/// <summary>The platform's tenants (not its own): filtered, sorted and paged by the server (<see cref="PlatformTenantAdmin.ListAsync"/>).</summary>
public sealed partial class PlatformTenantList
{
    protected override string WritePermission => Permissions.PlatformTenantsWrite;

    protected override Task<AppResult<ListPage<TenantDto>>> QueryAsync(ListQuery query) =>
        Runner.QueryAsync<PlatformTenantAdmin, AppResult<ListPage<TenantDto>>>(Actor, (s, ct) => s.ListAsync(Actor, query, ct), CancellationToken.None);
}
