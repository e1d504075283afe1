using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Data;
using Parley.Domain.Tenants;
using Parley.Server.Extensions;
using Parley.Server.Logging;
using Parley.Server.Tenants;

namespace Parley.Server.Recordings;

/// <summary>
/// Every <see cref="RecordingOptions.RetentionInterval"/>: for each tenant whose plan sets recording retention days,
/// deletes the recordings that started before now minus those days (file, then the row marked <c>retention</c>), in
/// batches. Idempotent: a deleted recording is not selected again, a file already gone counts as deleted, and two
/// nodes running at once only delete the same files twice.
/// </summary>
internal sealed class RecordingRetentionJob(
    IServiceScopeFactory scopes, RecordingFiles files, IOptions<RecordingOptions> options, TimeProvider time, ILogger<RecordingRetentionJob> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(options.Value.RetentionInterval, time, ct => RunOnceAsync(ct), exception => Log.RecordingRetentionFailed(logger, exception), stoppingToken);

    /// <summary>One round over every tenant; returns how many recordings it deleted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        List<(Guid Id, int Days)> tenants;
        await using (var scope = scopes.CreateAsyncScope())
        {
            tenants = (await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().Tenants.AsNoTracking()
                    .Where(t => t.Slug != TenantSlug.Platform && t.Plan.RecordingRetentionDays != null)
                    .Select(t => new { t.Id, Days = t.Plan.RecordingRetentionDays!.Value })
                    .ToListAsync(ct))
                .Select(t => (t.Id, t.Days)).ToList();
        }

        var deleted = 0;
        var now = time.GetUtcNow();
        foreach (var (tenantId, days) in tenants)
        {
            deleted += await ExpireAsync(tenantId, now - TimeSpan.FromDays(days), ct);
        }

        return deleted;
    }

    private async Task<int> ExpireAsync(Guid tenantId, DateTimeOffset cutoff, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            await using var scope = scopes.OpenTenant(tenantId, out var db);
            var batch = await db.Recordings.Where(r => r.DeletedAt == null && r.StartedAt < cutoff)
                .OrderBy(r => r.StartedAt).Take(options.Value.RetentionBatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            var now = time.GetUtcNow();
            foreach (var row in batch)
            {
                try
                {
                    RecordingDeletion.Delete(files, row, RecordingDeletion.Retention, now);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // Left for the next round; the row stays undeleted so it is tried again.
                    Log.RecordingFileDeleteFailed(logger, tenantId, row.Id, exception);
                }
            }

            var marked = batch.Count(r => r.DeletedAt is not null);
            await db.SaveChangesAsync(ct);
            total += marked;
            if (marked < batch.Count || batch.Count < options.Value.RetentionBatchSize)
            {
                break;
            }
        }

        if (total > 0)
        {
            Log.RecordingsExpired(logger, tenantId, total, cutoff);
            RecordingMetrics.CountDeleted(RecordingDeletion.Retention, total);
        }

        return total;
    }
}
