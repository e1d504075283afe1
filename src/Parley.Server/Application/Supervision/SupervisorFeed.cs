using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Auth;
using Parley.Server.Logging;
using Parley.Server.Routing;

namespace Parley.Server.Application.Supervision;

/// <summary>
/// Pushes the supervisor dashboard to everyone watching a tenant, within a second of a routing change and without polling.
/// The tenant's routing events (<see cref="TenantEventSubscriptions"/>) only mark the tenant changed; one loop per watched tenant
/// then computes one view (<see cref="SupervisorDashboard"/>) and hands the same immutable view to every watcher. Changes during
/// <see cref="SupervisionOptions.MinPushInterval"/> after a push are coalesced into the next view, so the cost of a storm is
/// bounded by the interval, not by the number of changes or watchers. A view whose figures will change with no event (a
/// waiting contact reaching its service-level threshold, <see cref="DashboardView.NextChange"/>) arms one timer for that
/// instant, which counts as a change. The loop stops when the last watcher leaves.
/// </summary>
public sealed class SupervisorFeed(
    IServiceScopeFactory scopes, TenantEventSubscriptions events, TimeProvider time, IOptions<SupervisionOptions> options, ILogger<SupervisorFeed> logger)
{
    private readonly IServiceScopeFactory _scopes = scopes;
    private readonly TenantEventSubscriptions _events = events;
    private readonly TimeProvider _time = time;
    private readonly IOptions<SupervisionOptions> _options = options;
    private readonly ILogger<SupervisorFeed> _logger = logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, TenantFeed> _tenants = [];

    /// <summary>Tenants with at least one watcher (for tests and metrics).</summary>
    public int WatchedTenants
    {
        get
        {
            lock (_gate)
            {
                return _tenants.Count;
            }
        }
    }

    /// <summary>
    /// Calls <paramref name="handler"/> with each new view of the actor's tenant until the result is disposed. Needs
    /// <c>realtime.read</c>; the tenant is the actor's, never chosen by the caller. Handlers must return quickly.
    /// </summary>
    public AppResult<IDisposable> Watch(CurrentActor actor, Func<DashboardView, Task> handler)
    {
        if (!actor.Permissions.Contains(Permissions.RealtimeRead))
        {
            return AppError.Forbidden(Permissions.RealtimeRead);
        }

        lock (_gate)
        {
            if (!_tenants.TryGetValue(actor.TenantId, out var feed))
            {
                feed = new TenantFeed(this, actor.TenantId);
                _tenants.Add(actor.TenantId, feed);
            }

            return AppResult<IDisposable>.Ok(feed.Add(handler));
        }
    }

    private void Leave(TenantFeed feed, Watcher watcher)
    {
        lock (_gate)
        {
            if (feed.Remove(watcher) && _tenants.GetValueOrDefault(feed.TenantId) == feed)
            {
                _tenants.Remove(feed.TenantId);
                feed.Stop();
            }
        }
    }

    private sealed class Watcher(SupervisorFeed owner, TenantFeed feed, Func<DashboardView, Task> handler) : IDisposable
    {
        public Func<DashboardView, Task> Handler { get; } = handler;

        public void Dispose() => owner.Leave(feed, this);
    }

    private sealed class TenantFeed
    {
        private readonly SupervisorFeed _owner;
        private readonly HashSet<Watcher> _watchers = [];
        private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
        private readonly CancellationTokenSource _stop = new();
        private readonly IDisposable _subscription;
        private ITimer? _wake;

        public TenantFeed(SupervisorFeed owner, Guid tenantId)
        {
            _owner = owner;
            TenantId = tenantId;
            _subscription = owner._events.Subscribe(tenantId, _ =>
            {
                _changed.Writer.TryWrite(true);
                return Task.CompletedTask;
            });
            _ = Task.Run(RunAsync);
        }

        public Guid TenantId { get; }

        public Watcher Add(Func<DashboardView, Task> handler)
        {
            var watcher = new Watcher(_owner, this, handler);
            _watchers.Add(watcher);
            return watcher;
        }

        /// <summary>Removes the watcher (called under the owner's lock); true when it was the last one.</summary>
        public bool Remove(Watcher watcher) => _watchers.Remove(watcher) && _watchers.Count == 0;

        public void Stop()
        {
            _subscription.Dispose();
            _stop.Cancel();
            Interlocked.Exchange(ref _wake, null)?.Dispose();
        }

        /// <summary>Signals a change at <paramref name="at"/>, replacing any earlier wake-up; none when null.</summary>
        private void WakeAt(DateTimeOffset? at)
        {
            var time = _owner._time;
            var timer = at is { } due
                ? time.CreateTimer(_ => _changed.Writer.TryWrite(true), null, Max(due - time.GetUtcNow(), TimeSpan.Zero), Timeout.InfiniteTimeSpan)
                : null;
            Interlocked.Exchange(ref _wake, timer)?.Dispose();
            if (_stop.IsCancellationRequested)
            {
                Interlocked.Exchange(ref _wake, null)?.Dispose();
            }
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

        private async Task RunAsync()
        {
            var time = _owner._time;
            var lastPush = DateTimeOffset.MinValue;
            var ct = _stop.Token;
            try
            {
                while (await _changed.Reader.WaitToReadAsync(ct))
                {
                    var wait = lastPush == DateTimeOffset.MinValue ? TimeSpan.Zero : lastPush + _owner._options.Value.MinPushInterval - time.GetUtcNow();
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, time, ct);
                    }

                    // Every change signalled until now is covered by the view computed next.
                    _changed.Reader.TryRead(out _);
                    lastPush = time.GetUtcNow();
                    if (await PushAsync(ct) is { } view)
                    {
                        WakeAt(view.NextChange);
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The last watcher left.
            }
        }

        /// <summary>Computes one view and hands it to every watcher; null when it could not be computed.</summary>
        private async Task<DashboardView?> PushAsync(CancellationToken ct)
        {
            DashboardView view;
            try
            {
                await using var scope = _owner._scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<TenantContext>().Set(TenantId);
                view = await scope.ServiceProvider.GetRequiredService<SupervisorDashboard>().ReadAsync(ct);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.DashboardFailed(_owner._logger, exception, TenantId);
                return null;
            }

            Watcher[] watchers;
            lock (_owner._gate)
            {
                watchers = [.. _watchers];
            }

            foreach (var watcher in watchers)
            {
                try
                {
                    await watcher.Handler(view);
                }
                catch (Exception exception)
                {
                    Log.DashboardSubscriberFailed(_owner._logger, exception, TenantId);
                }
            }

            return view;
        }
    }
}
