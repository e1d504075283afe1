using Parley.Domain.Security;
using Parley.Server.Api.NotReadyReasons;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>Creates or edits a not-ready reason through <see cref="NotReadyReasonAdmin"/>, the REST API's code, with the version read.</summary>
public sealed partial class NotReadyReasonEdit
{
    private static readonly string[] Fields = ["code", "name"];

    private string _code = "";
    private string _name = "";
    private long? _version;

    protected override string WritePermission => Permissions.AgentsWrite;

    protected override string ListPath => "/admin/not-ready-reasons";

    private string Title => Id is null ? "New reason" : _name is { Length: > 0 } && !Missing ? _name : "Reason";

    protected override Task<AppResult<NotReadyReasonDto>> ReadAsync(Guid id) =>
        Runner.QueryAsync<NotReadyReasonAdmin, AppResult<NotReadyReasonDto>>(Actor, (s, ct) => s.GetAsync(Actor, id, ct), CancellationToken.None);

    protected override void Show(NotReadyReasonDto? resource)
    {
        _code = resource?.Code ?? "";
        _name = resource?.Name ?? "";
        _version = resource?.Version;
    }

    protected override Task<AppResult<NotReadyReasonDto>> WriteAsync(Guid? id)
    {
        var request = new NotReadyReasonRequest(_code.Trim(), _name.Trim());
        var expected = _version;
        return id is { } existing
            ? Runner.CommandAsync<NotReadyReasonAdmin, NotReadyReasonDto>(Actor, "not-ready-reasons.update", (s, ct) => s.UpdateAsync(Actor, existing, expected, request, ct), CancellationToken.None)
            : Runner.CommandAsync<NotReadyReasonAdmin, NotReadyReasonDto>(Actor, "not-ready-reasons.create", (s, ct) => s.CreateAsync(Actor, request, ct), CancellationToken.None);
    }

    protected override Guid IdOf(NotReadyReasonDto resource) => resource.Id;
}
