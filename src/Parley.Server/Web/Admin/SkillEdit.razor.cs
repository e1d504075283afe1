using Parley.Domain.Security;
using Parley.Server.Api.Skills;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>
/// Creates or edits a skill through <see cref="SkillAdmin"/>, the REST API's code, with the version read; shows who uses it (the
/// agents who hold it, the queues that require it) and deletes it once nobody does.
/// </summary>
public sealed partial class SkillEdit
{
    private static readonly string[] Fields = ["name", "description"];

    private string _name = "";
    private string _description = "";
    private long? _version;
    private SkillUsage? _usage;

    protected override string WritePermission => Permissions.SkillsWrite;

    protected override string ListPath => "/admin/skills";

    private string Title => Id is null ? "New skill" : _name is { Length: > 0 } && !Missing ? _name : "Skill";

    protected override async Task<AppResult<SkillDto>> ReadAsync(Guid id)
    {
        var usage = await Runner.QueryAsync<SkillAdmin, AppResult<SkillUsage>>(Actor, (s, ct) => s.UsageAsync(Actor, id, ct), CancellationToken.None);
        _usage = usage.Value;
        return await Runner.QueryAsync<SkillAdmin, AppResult<SkillDto>>(Actor, (s, ct) => s.GetAsync(Actor, id, ct), CancellationToken.None);
    }

    protected override void Show(SkillDto? resource)
    {
        _name = resource?.Name ?? "";
        _description = resource?.Description ?? "";
        _version = resource?.Version;
    }

    protected override Task<AppResult<SkillDto>> WriteAsync(Guid? id)
    {
        var request = new SkillRequest(_name.Trim(), _description.Trim() is { Length: > 0 } description ? description : null);
        var expected = _version;
        return id is { } existing
            ? Runner.CommandAsync<SkillAdmin, SkillDto>(Actor, "skills.update", (s, ct) => s.UpdateAsync(Actor, existing, expected, request, ct), CancellationToken.None)
            : Runner.CommandAsync<SkillAdmin, SkillDto>(Actor, "skills.create", (s, ct) => s.CreateAsync(Actor, request, ct), CancellationToken.None);
    }

    protected override Guid IdOf(SkillDto resource) => resource.Id;

    private Task<AppResult<Done>> DeleteAsync(Guid id) =>
        Runner.CommandAsync<SkillAdmin, Done>(Actor, "skills.delete", (s, ct) => s.DeleteAsync(Actor, id, ct), CancellationToken.None);
}
