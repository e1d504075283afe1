using Parley.Domain.Security;
using Parley.Server.Api.SipCredentials;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>
/// Creates or replaces a SIP account through <see cref="SipAccountAdmin"/>, the REST API's code. The password is write-only: typed,
/// or generated and shown once on this page; it is never read back. An update carries the version read.
/// </summary>
public sealed partial class SipAccountEdit
{
    private static readonly string[] Fields = ["userId", "sipUserName", "password"];

    private SipAccountForm? _form;
    private IReadOnlyList<Choice> _users = [];
    private string? _generated;

    protected override string WritePermission => Permissions.SipCredentialsWrite;

    protected override string ListPath => "/admin/sip-accounts";

    protected override bool CanSave => _form is not null;

    private string Title => Id is null ? "New SIP account" : _form?.SipUserName is { Length: > 0 } name && !Missing ? name : "SIP account";

    protected override async Task LoadChoicesAsync()
    {
        var users = await Runner.QueryAsync<SipAccountAdmin, AppResult<IReadOnlyList<Choice>>>(Actor, (s, ct) => s.UsersAsync(Actor, ct), CancellationToken.None);
        _users = users.Value ?? _users;
    }

    protected override void ShowNew() => _form ??= new SipAccountForm();

    protected override Task<AppResult<SipCredentialDto>> ReadAsync(Guid id) =>
        Runner.QueryAsync<SipAccountAdmin, AppResult<SipCredentialDto>>(Actor, (s, ct) => s.GetAsync(Actor, id, ct), CancellationToken.None);

    protected override void Show(SipCredentialDto? resource) => _form = resource is null ? null : SipAccountForm.From(resource);

    protected override Task<AppResult<SipCredentialDto>> WriteAsync(Guid? id)
    {
        var request = _form!.ToRequest();
        var expected = _form.Version;
        return id is { } existing
            ? Runner.CommandAsync<SipAccountAdmin, SipCredentialDto>(Actor, "sip-credentials.update", (s, ct) => s.UpdateAsync(Actor, existing, expected, request, ct), CancellationToken.None)
            : Runner.CommandAsync<SipAccountAdmin, SipCredentialDto>(Actor, "sip-credentials.create", (s, ct) => s.CreateAsync(Actor, request, ct), CancellationToken.None);
    }

    protected override Guid IdOf(SipCredentialDto resource) => resource.Id;

    private void Generate()
    {
        _generated = SipAccountForm.NewPassword();
        _form!.Password = _generated;
    }

    private Task<AppResult<Done>> DeleteAsync(Guid id) =>
        Runner.CommandAsync<SipAccountAdmin, Done>(Actor, "sip-credentials.delete", (s, ct) => s.DeleteAsync(Actor, id, ct), CancellationToken.None);
}
