using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Auth;
using Radzen;
using Radzen.Blazor;

namespace Parley.Server.Web.Admin;

/// <summary>
/// An admin list whose grid is filtered, sorted and paged by the server: the grid asks for a page (<see cref="LoadAsync"/>),
/// typing in the filter goes back to the first page, and the page shows the service's error when it refuses.
/// </summary>
/// <typeparam name="TDto">The row the service lists.</typeparam>
public abstract class AdminListPage<TDto> : ComponentBase
    where TDto : notnull
{
    protected const int ListPageSize = 20;

    protected RadzenDataGrid<TDto> Grid { get; set; } = null!;

    protected ListPage<TDto>? Page { get; private set; }

    protected CurrentActor Actor { get; private set; } = null!;

    protected string? Filter { get; set; }

    protected bool Loading { get; private set; }

    protected bool CanWrite { get; private set; }

    protected AppError? Error { get; private set; }

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Inject]
    protected ApplicationRunner Runner { get; set; } = null!;

    [Inject]
    protected NavigationManager Nav { get; set; } = null!;

    /// <summary>The permission that shows the "New" button.</summary>
    protected abstract string WritePermission { get; }

    /// <summary>Asks the service for one page of the list.</summary>
    protected abstract Task<AppResult<ListPage<TDto>>> QueryAsync(ListQuery query);

    protected override async Task OnInitializedAsync()
    {
        Actor = CurrentActor.Require((await Authentication).User);
        CanWrite = Actor.Permissions.Contains(WritePermission);
    }

    protected async Task LoadAsync(LoadDataArgs args)
    {
        Loading = true;
        var sort = args.Sorts?.FirstOrDefault(s => s.SortOrder is not null);
        var query = new ListQuery(Filter, ListColumns.Sort(sort?.Property), sort?.SortOrder == SortOrder.Descending, args.Skip ?? 0, args.Top ?? ListPageSize);
        var result = await QueryAsync(query);
        Error = result.Error;
        Page = result.Value ?? new ListPage<TDto>([], 0);
        Loading = false;
    }

    /// <summary>
    /// After each keystroke in the filter (<c>Immediate</c>, bound with <c>@bind-Value:after</c> so that a render for an
    /// earlier keystroke cannot overwrite letters typed since): back to the first page.
    /// </summary>
    protected Task FilterChangedAsync() => Grid.FirstPage(forceReload: true);
}
