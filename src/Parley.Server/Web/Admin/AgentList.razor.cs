using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Parley.Domain.Security;
using Parley.Server.Api.Agents;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Auth;
using Radzen;
using Radzen.Blazor;

namespace Parley.Server.Web.Admin;

/// <summary>The tenant's agents: filtered, sorted and paged by the server (<see cref="AgentAdmin.ListAsync"/>), a name opens it.</summary>
public sealed partial class AgentList
{
    private const int ListPageSize = 20;
    private RadzenDataGrid<AgentDto> _grid = null!;
    private ListPage<AgentDto>? _page;
    private Dictionary<Guid, string> _skills = [];
    private CurrentActor _actor = null!;
    private string? _filter;
    private bool _loading;
    private bool _canWrite;
    private AppError? _error;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Inject]
    private ApplicationRunner Runner { get; set; } = null!;

    [Inject]
    private NavigationManager Nav { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _actor = CurrentActor.Require((await Authentication).User);
        _canWrite = _actor.Permissions.Contains(Permissions.AgentsWrite);
        var choices = await Runner.QueryAsync<AgentAdmin, AppResult<AgentChoices>>(_actor, (s, ct) => s.ChoicesAsync(_actor, ct), CancellationToken.None);
        _skills = (choices.Value?.Skills ?? []).ToDictionary(s => s.Id, s => s.Name);
    }

    private string SkillName(Guid id) => _skills.GetValueOrDefault(id, "?");

    private async Task LoadAsync(LoadDataArgs args)
    {
        _loading = true;
        var sort = args.Sorts?.FirstOrDefault(s => s.SortOrder is not null);
        var query = new ListQuery(_filter, ListColumns.Sort(sort?.Property), sort?.SortOrder == SortOrder.Descending, args.Skip ?? 0, args.Top ?? ListPageSize);
        var result = await Runner.QueryAsync<AgentAdmin, AppResult<ListPage<AgentDto>>>(_actor, (s, ct) => s.ListAsync(_actor, query, ct), CancellationToken.None);
        _error = result.Error;
        _page = result.Value ?? new ListPage<AgentDto>([], 0);
        _loading = false;
    }

    private async Task FilterChangedAsync(ChangeEventArgs e)
    {
        _filter = e.Value as string;
        await _grid.FirstPage(forceReload: true);
    }
}
