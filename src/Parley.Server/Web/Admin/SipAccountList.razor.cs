using Parley.Domain.Security;
using Parley.Server.Api.SipCredentials;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>The tenant's SIP accounts, filtered, sorted and paged by the server (<see cref="SipAccountAdmin.ListAsync"/>), above the live registrations.</summary>
public sealed partial class SipAccountList
{
    private IReadOnlyList<Choice> _users = [];

    protected override string WritePermission => Permissions.SipCredentialsWrite;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        var users = await Runner.QueryAsync<SipAccountAdmin, AppResult<IReadOnlyList<Choice>>>(Actor, (s, ct) => s.UsersAsync(Actor, ct), CancellationToken.None);
        _users = users.Value ?? _users;
    }

    protected override Task<AppResult<ListPage<SipCredentialDto>>> QueryAsync(ListQuery query) =>
        Runner.QueryAsync<SipAccountAdmin, AppResult<ListPage<SipCredentialDto>>>(Actor, (s, ct) => s.ListAsync(Actor, query, ct), CancellationToken.None);

    private string UserOf(SipCredentialDto credential) => _users.FirstOrDefault(u => u.Id == credential.UserId)?.Name ?? "";
}
