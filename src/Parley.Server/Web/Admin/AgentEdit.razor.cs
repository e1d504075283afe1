using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Parley.Domain.Security;
using Parley.Server.Api.Agents;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Auth;

namespace Parley.Server.Web.Admin;

/// <summary>
/// Creates or edits an agent (user, extension, skills with proficiency, capacity per channel, phone) through
/// <see cref="AgentAdmin"/>, the REST API's code: refused fields show their message in place; an update carries the version read.
/// </summary>
public sealed partial class AgentEdit
{
    private static readonly string[] Fields = ["userId", "displayName", "extension", "skills", "capacities", "crossChannelRule", "phone.kind", "phone.uri", "phone.sipCredentialId"];

    private CurrentActor _actor = null!;
    private AgentForm? _form;
    private AgentChoices _choices = new([], []);
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

    private string Title => Id is null ? "New agent" : _form?.DisplayName is { Length: > 0 } name && !_missing ? name : "Agent";

    protected override async Task OnParametersSetAsync()
    {
        _actor = CurrentActor.Require((await Authentication).User);
        _canWrite = _actor.Permissions.Contains(Permissions.AgentsWrite);
        var choices = await Runner.QueryAsync<AgentAdmin, AppResult<AgentChoices>>(_actor, (s, ct) => s.ChoicesAsync(_actor, ct), CancellationToken.None);
        _choices = choices.Value ?? new AgentChoices([], []);
        await ReloadAsync();
    }

    private string SkillName(Guid? id) => _choices.Skills.FirstOrDefault(s => s.Id == id)?.Name ?? "";

    private async Task ReloadAsync()
    {
        _error = null;
        _saved = false;
        if (Id is not { } id)
        {
            _form ??= new AgentForm();
            return;
        }

        var read = await Runner.QueryAsync<AgentAdmin, AppResult<AgentDto>>(_actor, (s, ct) => s.GetAsync(_actor, id, ct), CancellationToken.None);
        _missing = read.Value is null;
        _form = read.Value is { } agent ? AgentForm.From(agent) : null;
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
        var result = Id is { } id
            ? await Runner.CommandAsync<AgentAdmin, AgentDto>(_actor, "agents.update", (s, ct) => s.UpdateAsync(_actor, id, expected, request, ct), CancellationToken.None)
            : await Runner.CommandAsync<AgentAdmin, AgentDto>(_actor, "agents.create", (s, ct) => s.CreateAsync(_actor, request, ct), CancellationToken.None);
        _busy = false;
        _error = result.Error;
        if (result.Value is not { } saved)
        {
            return;
        }

        if (Id is null)
        {
            Nav.NavigateTo($"/admin/agents/{saved.Id}");
            return;
        }

        _form = AgentForm.From(saved);
        _saved = true;
    }
}
