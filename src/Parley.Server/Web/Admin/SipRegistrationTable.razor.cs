using Microsoft.AspNetCore.Components;
using Parley.Server.Api.SipRegistrations;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Auth;
using Radzen;
using Radzen.Blazor;

namespace Parley.Server.Web.Admin;

/// <summary>
/// The live registrations through <see cref="SipRegistrationAdmin"/>: who is registered from where with which device, and when the
/// registration runs out; read again every <see cref="RefreshEvery"/> (on the injected clock) so devices come and go on their own.
/// </summary>
public sealed partial class SipRegistrationTable
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(10);

    private RadzenDataGrid<SipRegistrationDto> _grid = null!;
    private ListPage<SipRegistrationDto>? _page;
    private AppError? _error;
    private LoadDataArgs? _last;
    private ITimer? _timer;

    [Parameter, EditorRequired]
    public CurrentActor Actor { get; set; } = null!;

    /// <summary>Whether the actor may remove a registration (<c>sip-credentials.write</c>).</summary>
    [Parameter]
    public bool CanRemove { get; set; }

    protected override void OnInitialized() =>
        _timer = Time.CreateTimer(_ => _ = InvokeAsync(ReloadAsync), null, RefreshEvery, RefreshEvery);

    public void Dispose() => _timer?.Dispose();

    private async Task LoadAsync(LoadDataArgs args)
    {
        _last = args;
        var sort = args.Sorts?.FirstOrDefault(s => s.SortOrder is not null);
        var query = new ListQuery(null, ListColumns.Sort(sort?.Property), sort?.SortOrder == SortOrder.Descending, args.Skip ?? 0, args.Top ?? 10);
        var result = await Runner.QueryAsync<SipRegistrationAdmin, AppResult<ListPage<SipRegistrationDto>>>(
            Actor, (s, ct) => s.ListAsync(Actor, query, null, null, ct), CancellationToken.None);
        _error = result.Error;
        _page = result.Value ?? new ListPage<SipRegistrationDto>([], 0);
    }

    private async Task ReloadAsync()
    {
        if (_last is { } args)
        {
            await LoadAsync(args);
            StateHasChanged();
        }
    }

    private async Task RemoveAsync(Guid id)
    {
        var removed = await Runner.CommandAsync<SipRegistrationAdmin, Done>(Actor, "sip-registrations.delete", (s, ct) => s.RemoveAsync(Actor, id, ct), CancellationToken.None);
        _error = removed.Error;
        await _grid.Reload();
    }

    private string ExpiresIn(SipRegistrationDto registration)
    {
        var left = registration.ExpiresAt - Time.GetUtcNow();
        return left <= TimeSpan.Zero ? "expired" : left.TotalMinutes >= 1 ? $"in {(int)left.TotalMinutes} min {left.Seconds} s" : $"in {left.Seconds} s";
    }
}
