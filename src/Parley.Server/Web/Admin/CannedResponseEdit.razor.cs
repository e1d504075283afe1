using Parley.Domain.Security;
using Parley.Server.Application;
using Parley.Server.Application.CannedResponses;

namespace Parley.Server.Web.Admin;

/// <summary>
/// Creates or edits one of the tenant's canned responses through <see cref="CannedResponseService"/>, the REST API's and the
/// workspace's code: a refused field shows its message under the field, and an update carries the version read. A personal
/// response (an agent's own) is not the console's and is not found here.
/// </summary>
public sealed partial class CannedResponseEdit
{
    private static readonly string[] Fields = ["shortcut", "title", "text", "language", "tags"];

    private CannedResponseForm? _form;

    protected override string WritePermission => Permissions.TenantSettingsWrite;

    protected override string ListPath => "/admin/canned-responses";

    protected override bool CanSave => _form is not null;

    private string Title => Id is null ? "New canned response" : _form?.Shortcut is { Length: > 0 } shortcut && !Missing ? "/" + shortcut : "Canned response";

    protected override void ShowNew() => _form ??= new CannedResponseForm();

    protected override async Task<AppResult<CannedResponseView>> ReadAsync(Guid id)
    {
        var read = await Runner.QueryAsync<CannedResponseService, AppResult<CannedResponseView>>(Actor, (s, ct) => s.GetAsync(Actor, id, ct), CancellationToken.None);
        return read.Value is { Scope: not CannedResponseScopes.Tenant } ? AppError.NotFound() : read;
    }

    protected override void Show(CannedResponseView? resource) => _form = resource is null ? null : CannedResponseForm.From(resource);

    protected override Task<AppResult<CannedResponseView>> WriteAsync(Guid? id)
    {
        var input = _form!.ToInput();
        var expected = _form.Version;
        return id is { } existing
            ? Runner.CommandAsync<CannedResponseService, CannedResponseView>(Actor, "canned-responses.update", (s, ct) => s.UpdateAsync(Actor, existing, input, expected, ct), CancellationToken.None)
            : Runner.CommandAsync<CannedResponseService, CannedResponseView>(Actor, "canned-responses.create", (s, ct) => s.CreateAsync(Actor, input, ct), CancellationToken.None);
    }

    protected override Guid IdOf(CannedResponseView resource) => resource.Id;

    private Task<AppResult<Done>> DeleteAsync(Guid id) =>
        Runner.CommandAsync<CannedResponseService, Done>(Actor, "canned-responses.delete", (s, ct) => s.DeleteAsync(Actor, id, ct), CancellationToken.None);
}
