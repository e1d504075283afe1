using Microsoft.Extensions.Options;
using Parley.Server.Extensions;
using Parley.Sip.Registrar;

namespace Parley.Server.Sip;

/// <summary>
/// Deletes expired registrations every <see cref="SipRegistrarHostOptions.SweepIntervalSeconds"/>, in batches of
/// <see cref="SipRegistrarHostOptions.SweepBatchSize"/>. Lookups already ignore expired rows; the sweep keeps the table small.
/// </summary>
internal sealed class SipRegistrationSweeper(ISipBindingStore store, IOptions<SipHostOptions> options, TimeProvider time, ILogger<SipRegistrationSweeper> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(TimeSpan.FromSeconds(options.Value.Registrar.SweepIntervalSeconds), time, SweepAsync,
            exception => SipHostLog.SweepFailed(logger, exception), stoppingToken);

    /// <summary>Deletes every registration expired by now, one bounded batch at a time; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var batch = options.Value.Registrar.SweepBatchSize;
        var now = time.GetUtcNow();
        var total = 0;
        int removed;
        do
        {
            removed = await store.RemoveExpiredAsync(now, batch, cancellationToken);
            total += removed;
        }
        while (removed == batch);

        if (total > 0)
        {
            SipHostLog.ExpiredRegistrationsSwept(logger, total);
        }

        return total;
    }
}
