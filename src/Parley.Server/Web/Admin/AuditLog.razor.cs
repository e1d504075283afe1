using Microsoft.AspNetCore.Components;
using Parley.Domain.Security;
using Parley.Server.Api.Audit;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>
/// The tenant's audit log, newest first, filtered on the server by actor, action, time range and text
/// (<see cref="AuditLogAdmin.ListAsync"/>), under the result of recomputing the hash chain (<see cref="AuditLogAdmin.VerifyAsync"/>).
/// </summary>
public sealed partial class AuditLog
{
    private IReadOnlyList<string> _actions = [];
    private AuditVerification? _verification;
    private bool _verifying;
    private string? _actor;
    private string? _action;
    private DateTime? _from;
    private DateTime? _to;

    /// <summary>An action to start filtered by (<c>/admin/audit?action=roles.update</c>), e.g. from a link on another page.</summary>
    [Parameter]
    [SupplyParameterFromQuery(Name = "action")]
    public string? StartAction { get; set; }

    /// <summary>An actor to start filtered by (<c>?actor=admin</c>).</summary>
    [Parameter]
    [SupplyParameterFromQuery(Name = "actor")]
    public string? StartActor { get; set; }

    /// <summary>Read-only: nothing here writes.</summary>
    protected override string WritePermission => Permissions.AuditRead;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        _action = string.IsNullOrWhiteSpace(StartAction) ? null : StartAction;
        _actor = StartActor;
        var actions = await Runner.QueryAsync<AuditLogAdmin, AppResult<IReadOnlyList<string>>>(Actor, (s, ct) => s.ActionsAsync(Actor, ct), CancellationToken.None);
        _actions = actions.Value ?? [];
        await VerifyAsync();
    }

    protected override Task<AppResult<ListPage<AuditEntryDto>>> QueryAsync(ListQuery query)
    {
        var filter = new AuditFilter(_actor, _action, Utc(_from), Utc(_to));
        return Runner.QueryAsync<AuditLogAdmin, AppResult<ListPage<AuditEntryDto>>>(Actor, (s, ct) => s.ListAsync(Actor, filter, query, ct), CancellationToken.None);
    }

    private static DateTimeOffset? Utc(DateTime? at) => at is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;

    private async Task VerifyAsync()
    {
        _verifying = true;
        var verified = await Runner.QueryAsync<AuditLogAdmin, AppResult<AuditVerification>>(Actor, (s, ct) => s.VerifyAsync(Actor, ct), CancellationToken.None);
        _verification = verified.Value;
        _verifying = false;
    }

    private Task FiltersChangedAsync() => Grid.FirstPage(forceReload: true);
}
