using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Parley.Domain.Security;
using Parley.Server.Api.NotReadyReasons;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Auth;

namespace Parley.Server.Web.Admin;

/// <summary>Creates or edits a not-ready reason through <see cref="NotReadyReasonAdmin"/>, the REST API's code, with the version read.</summary>
public sealed partial class NotReadyReasonEdit
{
    private static readonly string[] Fields = ["code", "name"];

    private CurrentActor _actor = null!;
    private string _code = "";
    private string _name = "";
    private long? _version;
    private AppError? _error;
    private bool _canWrite;
    private bool _busy;
    private bool _saved;
    private bool _missing;

    [Parameter]
    public Guid? Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Inject]
    private ApplicationRunner Runner { get; set; } = null!;

    [Inject]
    private NavigationManager Nav { get; set; } = null!;

    private string Title => Id is null ? "New reason" : _name is { Length: > 0 } && !_missing ? _name : "Reason";

    protected override async Task OnParametersSetAsync()
    {
        _actor = CurrentActor.Require((await Authentication).User);
        _canWrite = _actor.Permissions.Contains(Permissions.AgentsWrite);
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _error = null;
        _saved = false;
        if (Id is not { } id)
        {
            return;
        }

        var read = await Runner.QueryAsync<NotReadyReasonAdmin, AppResult<NotReadyReasonDto>>(_actor, (s, ct) => s.GetAsync(_actor, id, ct), CancellationToken.None);
        _missing = read.Value is null;
        Show(read.Value);
    }

    private void Show(NotReadyReasonDto? reason)
    {
        _code = reason?.Code ?? "";
        _name = reason?.Name ?? "";
        _version = reason?.Version;
    }

    private async Task SaveAsync()
    {
        if (_busy)
        {
            return;
        }

        _busy = true;
        _saved = false;
        var request = new NotReadyReasonRequest(_code.Trim(), _name.Trim());
        var expected = _version;
        var result = Id is { } id
            ? await Runner.CommandAsync<NotReadyReasonAdmin, NotReadyReasonDto>(_actor, "not-ready-reasons.update", (s, ct) => s.UpdateAsync(_actor, id, expected, request, ct), CancellationToken.None)
            : await Runner.CommandAsync<NotReadyReasonAdmin, NotReadyReasonDto>(_actor, "not-ready-reasons.create", (s, ct) => s.CreateAsync(_actor, request, ct), CancellationToken.None);
        _busy = false;
        _error = result.Error;
        if (result.Value is not { } saved)
        {
            return;
        }

        if (Id is null)
        {
            Nav.NavigateTo($"/admin/not-ready-reasons/{saved.Id}");
            return;
        }

        Show(saved);
        _saved = true;
    }
}
