using Parley.Domain.Security;
using Parley.Server.Api.Agents;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>The tenant's agents: filtered, sorted and paged by the server (<see cref="AgentAdmin.ListAsync"/>), a name opens it.</summary>
public sealed partial class AgentList
{
    private Dictionary<Guid, string> _skills = [];

    protected override string WritePermission => Permissions.AgentsWrite;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        var choices = await Runner.QueryAsync<AgentAdmin, AppResult<AgentChoices>>(Actor, (s, ct) => s.ChoicesAsync(Actor, ct), CancellationToken.None);
        _skills = (choices.Value?.Skills ?? []).ToDictionary(s => s.Id, s => s.Name);
    }

    protected override Task<AppResult<ListPage<AgentDto>>> QueryAsync(ListQuery query) =>
        Runner.QueryAsync<AgentAdmin, AppResult<ListPage<AgentDto>>>(Actor, (s, ct) => s.ListAsync(Actor, query, ct), CancellationToken.None);

    private string SkillName(Guid id) => _skills.GetValueOrDefault(id, "?");
}
