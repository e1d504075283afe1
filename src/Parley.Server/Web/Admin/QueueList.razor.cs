using Parley.Domain.Security;
using Parley.Server.Api.Queues;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>The tenant's queues: filtered, sorted and paged by the server (<see cref="QueueAdmin.ListAsync"/>), a row opens it.</summary>
public sealed partial class QueueList
{
    protected override string WritePermission => Permissions.QueuesWrite;

    protected override Task<AppResult<ListPage<QueueDto>>> QueryAsync(ListQuery query) =>
        Runner.QueryAsync<QueueAdmin, AppResult<ListPage<QueueDto>>>(Actor, (s, ct) => s.ListAsync(Actor, query, ct), CancellationToken.None);
}
