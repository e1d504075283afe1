using Parley.Domain.Security;
using Parley.Server.Api.Agents;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>The tenant's agents: filtered, sorted and paged by the server (<see cref="AgentAdmin.ListAsync"/>), a name opens it.</summary>
public sealed partial class AgentList
{
    private Dictionary<Guid, string> _skills = [];
    private HashSet<Guid> _registered = [];

    protected override string WritePermission => Permissions.AgentsWrite;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        var choices = await Runner.QueryAsync<AgentAdmin, AppResult<AgentChoices>>(Actor, (s, ct) => s.ChoicesAsync(Actor, ct), CancellationToken.None);
        _skills = (choices.Value?.Skills ?? []).ToDictionary(s => s.Id, s => s.Name);
    }

    protected override async Task<AppResult<ListPage<AgentDto>>> QueryAsync(ListQuery query)
    {
        var page = await Runner.QueryAsync<AgentAdmin, AppResult<ListPage<AgentDto>>>(Actor, (s, ct) => s.ListAsync(Actor, query, ct), CancellationToken.None);
        var accounts = (page.Value?.Items ?? []).Select(a => a.Phone.SipCredentialId).OfType<Guid>().Distinct().ToList();
        _registered = accounts.Count == 0 ? []
            : (await Runner.QueryAsync<AgentAdmin, AppResult<HashSet<Guid>>>(Actor, (s, ct) => s.RegisteredPhonesAsync(Actor, accounts, ct), CancellationToken.None)).Value ?? [];
        return page;
    }

    /// <summary>The phone column: a SIP account says whether a device is registered with it now (routing offers voice only then).</summary>
    private string PhoneText(AgentPhone phone) => phone.Kind switch
    {
        "Registered" => phone.SipCredentialId is { } id && _registered.Contains(id) ? "SIP account (registered)" : "SIP account (offline)",
        _ => ChoiceLabels.For(phone.Kind),
    };

    private string SkillName(Guid id) => _skills.GetValueOrDefault(id, "?");
}
