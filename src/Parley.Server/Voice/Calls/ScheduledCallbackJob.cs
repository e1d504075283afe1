using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Server.Extensions;
using Parley.Voice.Calls.Outbound;
using Parley.Voice.Calls.Ports;

namespace Parley.Server.Voice.Calls;

/// <summary>
/// Once the node has started, every <see cref="CallbackScheduleOptions.PollInterval"/>: queues the scheduled callbacks
/// that are due (retries after an unanswered attempt, callbacks asked for a later time), oldest first, and deletes each
/// row once routing has it. The interaction id is fixed in the row, so a row queued twice (two nodes, or a stop between
/// queueing and deleting) is refused by routing as a duplicate and only deleted.
/// </summary>
internal sealed class ScheduledCallbackJob(
    IServiceScopeFactory scopes, ICallbacks callbacks, CallbackScheduleOptions options, TimeProvider time,
    IHostApplicationLifetime lifetime, ILogger<ScheduledCallbackJob> logger) : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifetime.WaitForStartAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.PollInterval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                CallHostLog.ScheduledCallbacksFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Queues every due callback; returns how many joined their queue.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        List<ScheduledCallback> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().Set<ScheduledCallback>().IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.DueAt <= time.GetUtcNow()).OrderBy(c => c.DueAt).Take(BatchSize).ToListAsync(ct);
        }

        var queued = 0;
        foreach (var row in due)
        {
            var result = await callbacks.RequestAsync(
                new CallbackRequest(row.TenantId, row.QueueId.ToString(), row.Number, row.CallId ?? Guid.Empty, row.CalledNumber, null)
                {
                    InteractionId = row.InteractionId,
                    Attempt = row.Attempt,
                    Mode = CallbackAttributes.ParseMode(row.Mode) ?? CallbackMode.Preview,
                },
                ct);
            queued += result.Queued ? 1 : 0;
            CallHostLog.ScheduledCallbackDue(logger, row.InteractionId, row.Attempt, result.Queued ? "queued" : "refused: " + result.Refusal);
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().Set<ScheduledCallback>().IgnoreQueryFilters()
                .Where(c => c.Id == row.Id).ExecuteDeleteAsync(ct);
        }

        return queued;
    }
}
