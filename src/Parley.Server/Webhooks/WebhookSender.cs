using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Server.Logging;

namespace Parley.Server.Webhooks;

/// <summary>
/// Sends pending deliveries of every tenant, one lane per subscription: a lane sends its subscription's pending
/// deliveries in the order they were created, each until delivered or given up (<see cref="WebhookDeliverer"/>), so
/// an endpoint that is slow, failing or hanging delays only its own deliveries. The loop here starts a lane for every
/// subscription that has a due delivery and no lane yet, when woken by the outbox or every
/// <see cref="WebhookOptions.PollInterval"/>.
/// </summary>
internal sealed class WebhookSender(
    IServiceScopeFactory scopes,
    WebhookDeliverer deliverer,
    WebhookOutbox outbox,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookSender> logger) : BackgroundService
{
    public const string SecretPurpose = "Parley.Webhooks.Secret";

    private const int LaneBatch = 50;

    private readonly ConcurrentDictionary<Guid, Task> _lanes = new();

    /// <summary>Subscriptions with a lane running (for tests and diagnostics).</summary>
    internal int ActiveLanes => _lanes.Count;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await StartDueLanesAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Log.WebhookLoopFailed(logger, exception);
                }

                using var poll = new CancellationTokenSource(options.Value.PollInterval, time);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, poll.Token);
                try
                {
                    await outbox.Signal.WaitToReadAsync(wait.Token);
                    outbox.Signal.TryRead(out _);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // Poll interval elapsed: look for retries that became due (after a restart, say).
                }
            }
        }
        finally
        {
            await Task.WhenAll(_lanes.Values);
        }
    }

    private async Task StartDueLanesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var now = time.GetUtcNow();
        var busy = _lanes.Keys.ToList();
        var due = await db.WebhookDeliveries.IgnoreQueryFilters()
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now && !busy.Contains(d.SubscriptionId))
            .Select(d => d.SubscriptionId)
            .Distinct()
            .OrderBy(id => id)
            .Take(1000)
            .ToListAsync(cancellationToken);
        foreach (var subscriptionId in due)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_lanes.TryAdd(subscriptionId, done.Task))
            {
                _ = RunLaneAsync(subscriptionId, done, cancellationToken);
            }
        }
    }

    /// <summary>Sends the subscription's pending deliveries oldest first, one at a time, until none is left.</summary>
    private async Task RunLaneAsync(Guid subscriptionId, TaskCompletionSource done, CancellationToken cancellationToken)
    {
        var wake = true;
        try
        {
            await Task.Yield();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            while (!cancellationToken.IsCancellationRequested)
            {
                var pending = await db.WebhookDeliveries.IgnoreQueryFilters()
                    .Where(d => d.SubscriptionId == subscriptionId && d.Status == WebhookDeliveryStatus.Pending)
                    .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
                    .Take(LaneBatch)
                    .ToListAsync(cancellationToken);
                if (pending.Count == 0)
                {
                    break;
                }

                foreach (var delivery in pending)
                {
                    await deliverer.DeliverAsync(db, delivery, cancellationToken);
                }

                db.ChangeTracker.Clear();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: what is not delivered stays pending with its schedule.
        }
        catch (DbUpdateConcurrencyException)
        {
            // The subscription was deleted while its delivery was in flight: its rows went with it.
        }
        catch (Exception exception)
        {
            // The database failed under this lane: its rows stay pending and the next poll starts it again.
            Log.WebhookLaneFailed(logger, exception, subscriptionId);
            wake = false;
        }
        finally
        {
            _lanes.TryRemove(subscriptionId, out _);
            done.TrySetResult();
            if (wake)
            {
                // A delivery committed after this lane's last look was skipped by the loop while the lane ran.
                outbox.Wake();
            }
        }
    }
}
