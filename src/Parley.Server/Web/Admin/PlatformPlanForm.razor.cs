using Microsoft.AspNetCore.Components;
using Parley.Server.Api.Platform;
using Parley.Server.Application;
using Parley.Server.Application.Platform;
using Parley.Server.Auth;

namespace Parley.Server.Web.Admin;

/// <summary>
/// Reads and sets a tenant's plan through <see cref="PlatformPlanAdmin"/>, the REST API's code, with the tenant's version read;
/// read again whenever the tenant page shows a new version of the tenant (a suspend changes it too).
/// </summary>
public sealed partial class PlatformPlanForm
{
    private PlanFields? _plan;
    private AppError? _error;
    private bool _busy;
    private bool _saved;
    private Guid _loadedFor;

    [Inject]
    private ApplicationRunner Runner { get; set; } = null!;

    [Parameter, EditorRequired]
    public Guid TenantId { get; set; }

    [Parameter, EditorRequired]
    public CurrentActor Actor { get; set; } = null!;

    [Parameter]
    public bool CanWrite { get; set; }

    /// <summary>Raised after the plan is saved (the tenant's version moved: the page reads the tenant again).</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    /// <summary>The tenant's version the page shows; a different one than the plan was read at reads the plan again.</summary>
    [Parameter]
    public long TenantVersion { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor != TenantId || (_plan is not null && _plan.Version != TenantVersion && !_busy))
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        _loadedFor = TenantId;
        _saved = false;
        var read = await Runner.QueryAsync<PlatformPlanAdmin, AppResult<PlanDto>>(Actor, (s, ct) => s.GetAsync(Actor, TenantId, ct), CancellationToken.None);
        _error = read.Error;
        _plan = read.Value is { } plan ? PlanFields.From(plan) : null;
    }

    private async Task SaveAsync()
    {
        if (_plan is null || _busy)
        {
            return;
        }

        _busy = true;
        _saved = false;
        var request = _plan.ToRequest();
        var expected = _plan.Version;
        var tenantId = TenantId;
        var result = await Runner.CommandAsync<PlatformPlanAdmin, PlanDto>(Actor, "tenants.plan", (s, ct) => s.UpdateAsync(Actor, tenantId, expected, request, ct), CancellationToken.None);
        _busy = false;
        _error = result.Error;
        if (result.Value is { } saved)
        {
            _plan = PlanFields.From(saved);
            _saved = true;
            await Changed.InvokeAsync();
        }
    }
}
