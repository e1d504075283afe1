using Parley.Domain.Security;
using Parley.Server.Api.Trunks;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>
/// Creates or edits a SIP trunk through <see cref="TrunkAdmin"/>, the REST API's code: a refused field (a bad CIDR block, a user
/// name without its password) shows its message under the field; passwords are never shown, and an empty one keeps the stored one.
/// </summary>
public sealed partial class TrunkEdit
{
    private static readonly string[] Fields =
        ["name", "allowedAddresses", "inboundUserName", "inboundPassword", "outboundHost", "outboundPort", "outboundTransport", "outboundUserName",
         "outboundPassword", "allowedDestinations", "callerIdPolicy", "callerIdNumber", "countryCode", "nationalPrefix", "maxConcurrentCalls", "maxCallsPerSecond"];

    private TrunkForm? _form;

    protected override string WritePermission => Permissions.TrunksWrite;

    protected override string ListPath => "/admin/trunks";

    protected override bool CanSave => _form is not null;

    private string Title => Id is null ? "New trunk" : _form?.Name is { Length: > 0 } name && !Missing ? name : "Trunk";

    protected override void ShowNew() => _form ??= new TrunkForm();

    protected override Task<AppResult<TrunkDto>> ReadAsync(Guid id) =>
        Runner.QueryAsync<TrunkAdmin, AppResult<TrunkDto>>(Actor, (s, ct) => s.GetAsync(Actor, id, ct), CancellationToken.None);

    protected override void Show(TrunkDto? resource) => _form = resource is null ? null : TrunkForm.From(resource);

    protected override Task<AppResult<TrunkDto>> WriteAsync(Guid? id)
    {
        var request = _form!.ToRequest();
        var expected = _form.Version;
        return id is { } existing
            ? Runner.CommandAsync<TrunkAdmin, TrunkDto>(Actor, "trunks.update", (s, ct) => s.UpdateAsync(Actor, existing, expected, request, ct), CancellationToken.None)
            : Runner.CommandAsync<TrunkAdmin, TrunkDto>(Actor, "trunks.create", (s, ct) => s.CreateAsync(Actor, request, ct), CancellationToken.None);
    }

    protected override Guid IdOf(TrunkDto resource) => resource.Id;

    private static string PasswordHint(bool isSet) => isSet ? "set — leave empty to keep it" : "not set";

    private Task<AppResult<Done>> DeleteAsync(Guid id) =>
        Runner.CommandAsync<TrunkAdmin, Done>(Actor, "trunks.delete", (s, ct) => s.DeleteAsync(Actor, id, ct), CancellationToken.None);
}
