using Microsoft.AspNetCore.Components;
using Parley.Domain.Security;
using Parley.Server.Api.WebChat;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>
/// Creates or edits a web chat widget through <see cref="WidgetAdmin"/>, the REST API's code, with a preview drawn from the form as
/// typed and, once saved, the tag to paste. A refused field shows its message under the field; an update carries the version read.
/// </summary>
public sealed partial class WidgetEdit
{
    private static readonly string[] Fields =
        ["name", "key", "title", "colour", "greeting", "offlineMessage", "preChatFields", "queueId", "flowId", "scheduleId", "allowedOrigins"];

    private WidgetForm? _form;
    private WidgetDto? _stored;
    private WidgetChoices _choices = new([], [], []);
    private bool _previewOffline;

    protected override string WritePermission => Permissions.QueuesWrite;

    protected override string ListPath => "/admin/widgets";

    protected override bool CanSave => _form is not null;

    private string Title => Id is null ? "New chat widget" : _stored?.Name is { Length: > 0 } name && !Missing ? name : "Chat widget";

    protected override async Task LoadChoicesAsync()
    {
        var choices = await Runner.QueryAsync<WidgetAdmin, AppResult<WidgetChoices>>(Actor, (s, ct) => s.ChoicesAsync(Actor, ct), CancellationToken.None);
        _choices = choices.Value ?? _choices;
    }

    protected override void ShowNew() => _form ??= new WidgetForm();

    protected override Task<AppResult<WidgetDto>> ReadAsync(Guid id) =>
        Runner.QueryAsync<WidgetAdmin, AppResult<WidgetDto>>(Actor, (s, ct) => s.GetAsync(Actor, id, ct), CancellationToken.None);

    protected override void Show(WidgetDto? resource)
    {
        _stored = resource;
        _form = resource is null ? null : WidgetForm.From(resource);
    }

    protected override Task<AppResult<WidgetDto>> WriteAsync(Guid? id)
    {
        var request = _form!.ToRequest();
        var expected = _form.Version;
        return id is { } existing
            ? Runner.CommandAsync<WidgetAdmin, WidgetDto>(Actor, "webchat.widgets.update", (s, ct) => s.UpdateAsync(Actor, existing, expected, request, ct), CancellationToken.None)
            : Runner.CommandAsync<WidgetAdmin, WidgetDto>(Actor, "webchat.widgets.create", (s, ct) => s.CreateAsync(Actor, request, ct), CancellationToken.None);
    }

    protected override Guid IdOf(WidgetDto resource) => resource.Id;

    private void PickColour(ChangeEventArgs e) => _form!.Colour = e.Value as string ?? _form.Colour;

    private Task<AppResult<Done>> DeleteAsync(Guid id) =>
        Runner.CommandAsync<WidgetAdmin, Done>(Actor, "webchat.widgets.delete", (s, ct) => s.DeleteAsync(Actor, id, ct), CancellationToken.None);
}
