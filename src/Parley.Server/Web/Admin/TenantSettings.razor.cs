using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Parley.Server.Api.TenantSettings;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Auth;

namespace Parley.Server.Web.Admin;

/// <summary>
/// The signed-in administrator's own tenant's settings through <see cref="TenantSettingsAdmin"/>, the REST API's code: a refused
/// field shows its message under the field (each bad host under the hosts), and a save carries the version read.
/// </summary>
public sealed partial class TenantSettings
{
    private TenantSettingsForm? _form;
    private AppError? _error;
    private bool _busy;
    private bool _saved;
    private CurrentActor _actor = null!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Inject]
    private ApplicationRunner Runner { get; set; } = null!;

    private string[] Fields =>
        ["timeZone", "flowHttpAllowedHosts", "attachmentMaxBytes", "attachmentContentTypes", .. Enumerable.Range(0, _form?.HostLines.Count ?? 0).Select(i => $"flowHttpAllowedHosts/{i}")];

    protected override async Task OnInitializedAsync()
    {
        _actor = CurrentActor.Require((await Authentication).User);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _saved = false;
        var read = await Runner.QueryAsync<TenantSettingsAdmin, AppResult<TenantSettingsDto>>(_actor, (s, ct) => s.GetAsync(_actor, ct), CancellationToken.None);
        _error = read.Error;
        _form = read.Value is { } settings ? TenantSettingsForm.From(settings) : null;
    }

    private async Task SaveAsync()
    {
        if (_form is null || _busy)
        {
            return;
        }

        _busy = true;
        _saved = false;
        var request = _form.ToRequest();
        var expected = _form.Version;
        var result = await Runner.CommandAsync<TenantSettingsAdmin, TenantSettingsDto>(
            _actor, "tenant.settings.update", (s, ct) => s.UpdateAsync(_actor, expected, request, ct), CancellationToken.None);
        _busy = false;
        _error = result.Error;
        if (result.Value is { } saved)
        {
            _form = TenantSettingsForm.From(saved);
            _saved = true;
        }
    }

    private void Tick(string type, bool on)
    {
        if (on)
        {
            _form!.AttachmentContentTypes.Add(type);
        }
        else
        {
            _form!.AttachmentContentTypes.Remove(type);
        }
    }
}
