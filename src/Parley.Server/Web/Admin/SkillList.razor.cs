using Parley.Domain.Security;
using Parley.Server.Api.Skills;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>The tenant's skills: filtered, sorted and paged by the server (<see cref="SkillAdmin.ListAsync"/>).</summary>
public sealed partial class SkillList
{
    protected override string WritePermission => Permissions.SkillsWrite;

    protected override Task<AppResult<ListPage<SkillDto>>> QueryAsync(ListQuery query) =>
        Runner.QueryAsync<SkillAdmin, AppResult<ListPage<SkillDto>>>(Actor, (s, ct) => s.ListAsync(Actor, query, ct), CancellationToken.None);
}
