using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Parley.Cluster.Routing.Messages;
using Parley.Domain.Security;
using Parley.Server.Api.NotReadyReasons;
using Parley.Server.Application;
using Parley.Server.Application.Agents;
using Parley.Server.Application.Supervision;
using Parley.Server.Auth;
using Parley.Server.Logging;
using Parley.Server.Web.Workspace;

namespace Parley.Server.Web.Supervisor;

/// <summary>
/// The supervisor dashboard: tiles, per-queue and per-channel tables and the agent grid of the actor's tenant. The first view is
/// read through <see cref="SupervisorDashboard"/>; after that <see cref="SupervisorFeed"/> pushes each new view (coalesced, at
/// most a few a second) and the page only renders it — nothing polls. A one-second local tick advances the ages and times in
/// state shown between views. Actions go through <see cref="SupervisorCommands"/> and are audited like the REST API's.
/// </summary>
public sealed partial class SupervisorPage
{
    private readonly CancellationTokenSource _disposed = new();
    private CurrentActor _actor = null!;
    private DashboardView? _view;
    private IReadOnlyList<NotReadyReasonDto> _reasons = [];
    private IDisposable? _watch;
    private ITimer? _tick;
    private DateTimeOffset _now;
    private bool _canAct;
    private bool _busy;
    private string? _error;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Inject]
    private ApplicationRunner Runner { get; set; } = null!;

    [Inject]
    private SupervisorFeed Feed { get; set; } = null!;

    [Inject]
    private CircuitConnection Connection { get; set; } = null!;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    [Inject]
    private ILogger<SupervisorPage> Logger { get; set; } = null!;

    /// <summary>Time since the view on screen was computed; live durations add it.</summary>
    private TimeSpan Elapsed => _view is null || _now < _view.At ? TimeSpan.Zero : _now - _view.At;

    protected override async Task OnInitializedAsync()
    {
        _actor = CurrentActor.Require((await Authentication).User);
        _canAct = _actor.Permissions.Contains(Permissions.AgentsStateForce);
        _canMonitor = _actor.Permissions.Contains(Permissions.CallsMonitor);
        _now = Time.GetUtcNow();
        // Watch before the first read, so no change falls between them.
        var watch = Feed.Watch(_actor, OnViewAsync);
        if (watch.Error is { } refused)
        {
            _error = refused.Detail;
            return;
        }

        _watch = watch.Value;
        _reasons = await Runner.QueryAsync<AgentWorkspace, IReadOnlyList<NotReadyReasonDto>>(_actor, (w, ct) => w.NotReadyReasonsAsync(ct), _disposed.Token);
        await ReadAsync();
        Connection.Reconnected += ReadAndRenderAsync;
        _tick = Time.CreateTimer(_ => _ = InvokeAsync(() => { _now = Time.GetUtcNow(); StateHasChanged(); }), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>A view pushed by the feed: shown unless an even newer one is on screen already.</summary>
    private Task OnViewAsync(DashboardView view)
    {
        _ = InvokeAsync(() =>
        {
            if (_view is null || view.At >= _view.At)
            {
                _view = view;
                _now = Time.GetUtcNow();
                StateHasChanged();
            }
        });
        return Task.CompletedTask;
    }

    private async Task ReadAsync()
    {
        var result = await Runner.QueryAsync<SupervisorDashboard, AppResult<DashboardView>>(_actor, (d, ct) => d.GetAsync(_actor, ct), _disposed.Token);
        if (result.Value is { } view && (_view is null || view.At >= _view.At))
        {
            _view = view;
            _now = Time.GetUtcNow();
        }

        _error = result.Error?.Detail ?? _error;
    }

    private Task ReadAndRenderAsync() => InvokeAsync(async () =>
    {
        try
        {
            await ReadAsync();
            StateHasChanged();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.SupervisorRefreshFailed(Logger, exception, _actor.TenantId);
        }
    });

    /// <summary>Runs a supervisor's action through the application layer (audited as <c>agents.state.force</c>); the feed shows its effect.</summary>
    private async Task ActAsync(AgentAction action)
    {
        _busy = true;
        _error = null;
        try
        {
            var result = await Runner.CommandAsync<SupervisorCommands, AgentView>(
                _actor, "agents.state.force", (c, ct) => c.ForceStateAsync(_actor, action.AgentId, action.State, action.Reason, ct), _disposed.Token);
            _error = result.Error is { } error ? $"{action.AgentName}: {error.Detail}" : null;
        }
        finally
        {
            _busy = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Connection.Reconnected -= ReadAndRenderAsync;
        _watch?.Dispose();
        if (_tick is not null)
        {
            await _tick.DisposeAsync();
        }

        await _disposed.CancelAsync();
        _disposed.Dispose();
    }
}
