using Parley.Domain.Security;
using Parley.Server.Api.Schedules;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>
/// Creates or edits a business-hours schedule (zone, weekly ranges, holidays) through <see cref="ScheduleAdmin"/>, the REST API's
/// code: the rules' errors are keyed by JSON Pointer (<c>/weekly/2</c>), each shown under its row; an update carries the version read.
/// </summary>
public sealed partial class ScheduleEdit
{
    private ScheduleForm? _form;

    protected override string WritePermission => Permissions.FlowsWrite;

    protected override string ListPath => "/admin/schedules";

    protected override bool CanSave => _form is not null;

    private string Title => Id is null ? "New schedule" : _form?.Name is { Length: > 0 } name && !Missing ? name : "Schedule";

    /// <summary>The pointers the form shows errors next to: the name, the zone, both lists and each of their rows.</summary>
    private string[] Fields =>
        ["/name", "/timeZone", "/weekly", "/holidays",
         .. Enumerable.Range(0, _form?.Weekly.Count ?? 0).Select(i => $"/weekly/{i}"),
         .. Enumerable.Range(0, _form?.Holidays.Count ?? 0).Select(i => $"/holidays/{i}")];

    protected override void ShowNew() => _form ??= ScheduleForm.New();

    protected override Task<AppResult<ScheduleDto>> ReadAsync(Guid id) =>
        Runner.QueryAsync<ScheduleAdmin, AppResult<ScheduleDto>>(Actor, (s, ct) => s.GetAsync(Actor, id, ct), CancellationToken.None);

    protected override void Show(ScheduleDto? resource) => _form = resource is null ? null : ScheduleForm.From(resource);

    protected override Task<AppResult<ScheduleDto>> WriteAsync(Guid? id)
    {
        var request = _form!.ToRequest();
        var expected = _form.Version;
        return id is { } existing
            ? Runner.CommandAsync<ScheduleAdmin, ScheduleDto>(Actor, "schedules.update", (s, ct) => s.UpdateAsync(Actor, existing, expected, request, ct), CancellationToken.None)
            : Runner.CommandAsync<ScheduleAdmin, ScheduleDto>(Actor, "schedules.create", (s, ct) => s.CreateAsync(Actor, request, ct), CancellationToken.None);
    }

    protected override Guid IdOf(ScheduleDto resource) => resource.Id;

    private Task<AppResult<Done>> DeleteAsync(Guid id) =>
        Runner.CommandAsync<ScheduleAdmin, Done>(Actor, "schedules.delete", (s, ct) => s.DeleteAsync(Actor, id, ct), CancellationToken.None);
}
