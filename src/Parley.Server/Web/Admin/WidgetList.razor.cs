using Parley.Domain.Security;
using Parley.Server.Api.WebChat;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>The tenant's web chat widgets: filtered, sorted and paged by the server (<see cref="WidgetAdmin.ListAsync"/>).</summary>
public sealed partial class WidgetList
{
    private WidgetChoices _choices = new([], [], []);

    protected override string WritePermission => Permissions.QueuesWrite;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        var choices = await Runner.QueryAsync<WidgetAdmin, AppResult<WidgetChoices>>(Actor, (s, ct) => s.ChoicesAsync(Actor, ct), CancellationToken.None);
        _choices = choices.Value ?? _choices;
    }

    protected override Task<AppResult<ListPage<WidgetDto>>> QueryAsync(ListQuery query) =>
        Runner.QueryAsync<WidgetAdmin, AppResult<ListPage<WidgetDto>>>(Actor, (s, ct) => s.ListAsync(Actor, query, ct), CancellationToken.None);

    private string QueueOf(WidgetDto widget) =>
        widget.QueueId is { } id ? _choices.Queues.FirstOrDefault(q => q.Id == id)?.Name ?? "" : "None (offline)";
}
