using Parley.Domain.Security;
using Parley.Server.Api.Platform;
using Parley.Server.Application;
using Parley.Server.Application.Platform;

namespace Parley.Server.Web.Admin;

/// <summary>
/// Creates a tenant (with its first administrator) or changes one through <see cref="PlatformTenantAdmin"/>, the REST API's code:
/// rename and re-zone with the version read, suspend, resume, set the plan (<see cref="PlatformPlanForm"/>) and delete once its
/// slug is typed.
/// </summary>
public sealed partial class PlatformTenantEdit
{
    private static readonly string[] Fields = ["slug", "name", "timeZone", "adminUserName", "adminPassword", "password"];

    private PlatformTenantForm? _form;
    private TenantDto? _tenant;
    private string _typedSlug = "";

    protected override string WritePermission => Permissions.PlatformTenantsWrite;

    protected override string ListPath => "/admin/platform/tenants";

    protected override bool CanSave => _form is not null;

    private string Title => Id is null ? "New tenant" : _tenant?.Name is { Length: > 0 } name && !Missing ? name : "Tenant";

    protected override void ShowNew() => _form ??= new PlatformTenantForm();

    protected override Task<AppResult<TenantDto>> ReadAsync(Guid id) =>
        Runner.QueryAsync<PlatformTenantAdmin, AppResult<TenantDto>>(Actor, (s, ct) => s.GetAsync(Actor, id, ct), CancellationToken.None);

    protected override void Show(TenantDto? resource)
    {
        _tenant = resource;
        _form = resource is null ? null : PlatformTenantForm.From(resource);
    }

    protected override Task<AppResult<TenantDto>> WriteAsync(Guid? id)
    {
        var form = _form!;
        if (id is { } existing)
        {
            var update = form.ToUpdate();
            var expected = form.Version;
            return Runner.CommandAsync<PlatformTenantAdmin, TenantDto>(Actor, "tenants.update", (s, ct) => s.UpdateAsync(Actor, existing, expected, update, ct), CancellationToken.None);
        }

        var create = form.ToCreate();
        return Runner.CommandAsync<PlatformTenantAdmin, TenantDto>(Actor, "tenants.create", (s, ct) => s.CreateAsync(Actor, create, ct), CancellationToken.None);
    }

    protected override Guid IdOf(TenantDto resource) => resource.Id;

    private Task SuspendAsync() => ChangeStatusAsync("tenants.suspend", (s, id, ct) => s.SuspendAsync(Actor, id, ct));

    private Task ResumeAsync() => ChangeStatusAsync("tenants.resume", (s, id, ct) => s.ResumeAsync(Actor, id, ct));

    private async Task ChangeStatusAsync(string action, Func<PlatformTenantAdmin, Guid, CancellationToken, Task<AppResult<TenantDto>>> change)
    {
        var id = _tenant!.Id;
        var changed = await Runner.CommandAsync<PlatformTenantAdmin, TenantDto>(Actor, action, (s, ct) => change(s, id, ct), CancellationToken.None);
        ShowError(changed.Error);
        if (changed.Value is { } tenant)
        {
            Show(tenant);
        }
    }

    private Task<AppResult<Done>> DeleteAsync(Guid id) =>
        Runner.CommandAsync<PlatformTenantAdmin, Done>(Actor, "tenants.delete", (s, ct) => s.DeleteAsync(Actor, id, ct), CancellationToken.None);
}
