using Parley.Domain.Security;
using Parley.Server.Api.Platform;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Application.Platform;

namespace Parley.Server.Web.Admin;

/// <summary>
/// The platform's number pool through <see cref="PlatformNumberAdmin"/>, the REST API's code: every assigned number and its tenant
/// (filtered, sorted and paged by the server), assigning one to a tenant (a refused field shown under it) and releasing one.
/// </summary>
public sealed partial class PlatformNumberList
{
    private static readonly string[] AssignFields = ["number", "tenantId", "description"];

    private IReadOnlyList<Choice> _tenants = [];
    private AssignNumberForm _assign = new();
    private AppError? _assignError;
    private string? _assigned;
    private bool _busy;

    protected override string WritePermission => Permissions.PlatformNumbersWrite;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        var tenants = await Runner.QueryAsync<PlatformNumberAdmin, AppResult<IReadOnlyList<Choice>>>(Actor, (s, ct) => s.TenantsAsync(Actor, ct), CancellationToken.None);
        _tenants = tenants.Value ?? _tenants;
    }

    protected override Task<AppResult<ListPage<PlatformNumberDto>>> QueryAsync(ListQuery query) =>
        Runner.QueryAsync<PlatformNumberAdmin, AppResult<ListPage<PlatformNumberDto>>>(Actor, (s, ct) => s.ListAsync(Actor, query, ct), CancellationToken.None);

    private string TenantOf(PlatformNumberDto number) => _tenants.FirstOrDefault(t => t.Id == number.TenantId)?.Name ?? number.TenantId.ToString();

    private async Task AssignAsync()
    {
        if (_busy)
        {
            return;
        }

        _busy = true;
        _assigned = null;
        var request = _assign.ToRequest();
        var result = await Runner.CommandAsync<PlatformNumberAdmin, PlatformNumberDto>(Actor, "numbers.assign", (s, ct) => s.AssignAsync(Actor, request, ct), CancellationToken.None);
        _busy = false;
        _assignError = result.Error;
        if (result.Value is { } assigned)
        {
            _assigned = assigned.Number;
            _assign = new AssignNumberForm();
            await Grid.Reload();
        }
    }

    private async Task ReleaseAsync(Guid id)
    {
        var released = await Runner.CommandAsync<PlatformNumberAdmin, Done>(Actor, "numbers.release", (s, ct) => s.ReleaseAsync(Actor, id, ct), CancellationToken.None);
        _assignError = released.Error;
        await Grid.Reload();
    }
}
