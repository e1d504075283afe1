using Parley.Domain.Security;
using Parley.Server.Api.Numbers;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>The tenant's phone numbers and where each points: filtered, sorted and paged by the server (<see cref="NumberAdmin.ListAsync"/>).</summary>
public sealed partial class NumberList
{
    private NumberTargets _targets = new([], []);

    protected override string WritePermission => Permissions.NumbersWrite;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        var targets = await Runner.QueryAsync<NumberAdmin, AppResult<NumberTargets>>(Actor, (s, ct) => s.TargetsAsync(Actor, ct), CancellationToken.None);
        _targets = targets.Value ?? _targets;
    }

    protected override Task<AppResult<ListPage<NumberDto>>> QueryAsync(ListQuery query) =>
        Runner.QueryAsync<NumberAdmin, AppResult<ListPage<NumberDto>>>(Actor, (s, ct) => s.ListAsync(Actor, query, ct), CancellationToken.None);

    private string TargetOf(NumberDto number) => NumberForm.Describe(number.TargetKind, number.TargetId, _targets);
}
