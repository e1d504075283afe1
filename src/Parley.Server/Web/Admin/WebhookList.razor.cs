using Parley.Domain.Security;
using Parley.Server.Api.Webhooks;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>The tenant's webhook subscriptions: filtered, sorted and paged by the server (<see cref="WebhookAdmin.ListAsync"/>).</summary>
public sealed partial class WebhookList
{
    protected override string WritePermission => Permissions.WebhooksWrite;

    protected override Task<AppResult<ListPage<WebhookDto>>> QueryAsync(ListQuery query) =>
        Runner.QueryAsync<WebhookAdmin, AppResult<ListPage<WebhookDto>>>(Actor, (s, ct) => s.ListAsync(Actor, query, ct), CancellationToken.None);
}
