using Parley.Domain.Security;
using Parley.Server.Api.Agents;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>
/// Creates or edits an agent (user, extension, skills with proficiency, capacity per channel, phone) through
/// <see cref="AgentAdmin"/>, the REST API's code: refused fields show their message in place; an update carries the version read.
/// </summary>
public sealed partial class AgentEdit
{
    private static readonly string[] Fields = ["userId", "displayName", "extension", "skills", "capacities", "crossChannelRule", "phone.kind", "phone.uri", "phone.sipCredentialId"];

    private AgentForm? _form;
    private AgentChoices _choices = new([], []);

    protected override string WritePermission => Permissions.AgentsWrite;

    protected override string ListPath => "/admin/agents";

    protected override bool CanSave => _form is not null;

    private string Title => Id is null ? "New agent" : _form?.DisplayName is { Length: > 0 } name && !Missing ? name : "Agent";

    protected override async Task LoadChoicesAsync()
    {
        var choices = await Runner.QueryAsync<AgentAdmin, AppResult<AgentChoices>>(Actor, (s, ct) => s.ChoicesAsync(Actor, ct), CancellationToken.None);
        _choices = choices.Value ?? new AgentChoices([], []);
    }

    protected override void ShowNew() => _form ??= new AgentForm();

    protected override Task<AppResult<AgentDto>> ReadAsync(Guid id) =>
        Runner.QueryAsync<AgentAdmin, AppResult<AgentDto>>(Actor, (s, ct) => s.GetAsync(Actor, id, ct), CancellationToken.None);

    protected override void Show(AgentDto? resource) => _form = resource is null ? null : AgentForm.From(resource);

    protected override Task<AppResult<AgentDto>> WriteAsync(Guid? id)
    {
        var request = _form!.ToRequest();
        var expected = _form.Version;
        return id is { } existing
            ? Runner.CommandAsync<AgentAdmin, AgentDto>(Actor, "agents.update", (s, ct) => s.UpdateAsync(Actor, existing, expected, request, ct), CancellationToken.None)
            : Runner.CommandAsync<AgentAdmin, AgentDto>(Actor, "agents.create", (s, ct) => s.CreateAsync(Actor, request, ct), CancellationToken.None);
    }

    protected override Guid IdOf(AgentDto resource) => resource.Id;
}
