using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Server.Extensions;
using Parley.Voice.Calls.Outbound;

namespace Parley.Server.Voice.Calls;

/// <summary>
/// Once the node has started: callbacks acknowledged before a restart are still waiting in the routing grains' records, but
/// nobody on this node listens for their offers any more; this listens again (<see cref="Callbacks.ResumeAsync"/>), so the
/// next agent offered one gets their phone rung and the customer called back.
/// </summary>
internal sealed class CallbackRestorer(IServiceScopeFactory scopes, Callbacks callbacks, IHostApplicationLifetime lifetime, ILogger<CallbackRestorer> logger)
    : BackgroundService
{
    /// <summary>At most this many waiting callbacks are resumed at start (oldest first).</summary>
    private const int Limit = 10_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifetime.WaitForStartAsync(stoppingToken);

        try
        {
            await ResumeAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            CallHostLog.CallbacksResumeFailed(logger, ex);
        }
    }

    /// <summary>Listens again for every waiting callback of every tenant; returns how many routing still had.</summary>
    public async Task<int> ResumeAsync(CancellationToken ct)
    {
        List<PendingCallbackRow> pending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            pending = await PendingCallbackQuery.ListAsync(db.Set<InteractionRecord>().IgnoreQueryFilters(), Limit, ct);
        }

        var resumed = 0;
        foreach (var callback in pending)
        {
            if (await callbacks.ResumeAsync(callback.TenantId, callback.InteractionId, callback.QueueId, callback.Number, callback.CalledNumber, callback.Attempt, callback.CallId ?? Guid.Empty, callback.Mode, ct))
            {
                resumed++;
            }
        }

        if (pending.Count > 0)
        {
            CallHostLog.CallbacksResumed(logger, resumed, pending.Count - resumed);
        }

        return resumed;
    }
}
