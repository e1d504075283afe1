using Parley.Domain.Security;
using Parley.Server.Api.Flows;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>
/// The tenant's flows with their published and latest versions: filtered, sorted and paged by the server (<see cref="FlowAdmin.ListAsync"/>);
/// with <c>flows.write</c>, a new flow by name, which opens in the designer.
/// </summary>
public sealed partial class FlowList
{
    protected override string WritePermission => Permissions.FlowsWrite;

    private string? _newName;
    private AppError? _createError;
    private bool _creating;

    /// <summary>Creates a flow from <see cref="FlowStarter"/> under the name typed (the same command as <c>POST /api/v1/flows</c>) and opens it.</summary>
    private async Task CreateAsync()
    {
        _creating = true;
        var json = FlowStarter.Json(_newName ?? "");
        var result = await Runner.CommandAsync<FlowAdmin, FlowDto>(Actor, "flows.create", (s, ct) => s.CreateAsync(Actor, json, ct), CancellationToken.None);
        _creating = false;
        _createError = result.Error;
        if (result.Value is { } flow)
        {
            Nav.NavigateTo($"/admin/flows/{flow.Id}");
        }
    }

    protected override Task<AppResult<ListPage<FlowSummaryDto>>> QueryAsync(ListQuery query) =>
        Runner.QueryAsync<FlowAdmin, AppResult<ListPage<FlowSummaryDto>>>(Actor, (s, ct) => s.ListAsync(Actor, query, ct), CancellationToken.None);
}
