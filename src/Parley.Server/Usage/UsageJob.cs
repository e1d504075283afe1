using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Data.Entities.Usage;
using Parley.Data;
using Parley.Domain.Tenants;
using Parley.Server.Extensions;
using Parley.Server.Logging;
using Parley.Server.Routing;
using Parley.Server.Tenants;
using Parley.Server.Webhooks;

namespace Parley.Server.Usage;

/// <summary>
/// Every <see cref="UsageOptions.RefreshInterval"/>: writes this node's API call counts, then closes each tenant's
/// finished local days. Closing a day stores its usage (replacing whatever was stored, so a re-run never adds), marks
/// the day closed and queues the tenant's <c>usage.daily</c> webhook event — in one transaction whose unique close row
/// lets only one node (or one run) close a day, so the event goes out once.
/// </summary>
internal sealed class UsageJob(
    IServiceScopeFactory scopes, ApiCallMeter meter, WebhookOutbox webhooks, IOptions<UsageOptions> options, TimeProvider time, ILogger<UsageJob> logger)
    : BackgroundService
{
    public const string DailyEvent = "usage.daily";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(options.Value.RefreshInterval, time, ct => RunOnceAsync(ct), exception => Log.UsageRunFailed(logger, exception), stoppingToken);

    /// <summary>One round: API counts, then every tenant's finished days; returns how many days this round closed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await meter.FlushAsync(ct);
        List<Guid> tenants;
        await using (var scope = scopes.CreateAsyncScope())
        {
            tenants = await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().Tenants.AsNoTracking()
                .Where(t => t.Slug != TenantSlug.Platform).Select(t => t.Id).ToListAsync(ct);
        }

        var closed = 0;
        foreach (var tenantId in tenants)
        {
            closed += await CloseFinishedDaysAsync(tenantId, ct);
        }

        return closed;
    }

    /// <summary>Stores the usage of closed days <paramref name="from"/> to <paramref name="to"/> again from the raw records (after a correction).</summary>
    public async Task<int> RebuildAsync(Guid tenantId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var scope = scopes.OpenTenant(tenantId, out var db);
        var reader = scope.ServiceProvider.GetRequiredService<UsageReader>();
        var days = await db.UsageDayCloses.Where(c => c.Day >= from && c.Day <= to).Select(c => c.Day).ToListAsync(ct);
        foreach (var day in days)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await ReplaceAsync(db, tenantId, day, await reader.ComputeAsync(tenantId, day, day, ct), time.GetUtcNow(), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return days.Count;
    }

    private async Task<int> CloseFinishedDaysAsync(Guid tenantId, CancellationToken ct)
    {
        DateOnly today;
        DateOnly? last;
        await using (var scope = scopes.OpenTenant(tenantId, out var db))
        {
            today = UsageCalculator.DayOf(time.GetUtcNow(), await scope.ServiceProvider.GetRequiredService<UsageReader>().ZoneAsync(tenantId, ct));
            last = await db.UsageDayCloses.MaxAsync(c => (DateOnly?)c.Day, ct);
        }

        var first = last?.AddDays(1) ?? today.AddDays(-1);
        var earliest = today.AddDays(-options.Value.CatchUpDays);
        var closed = 0;
        for (var day = first < earliest ? earliest : first; day < today; day = day.AddDays(1))
        {
            closed += await CloseAsync(tenantId, day, ct) ? 1 : 0;
        }

        return closed;
    }

    private async Task<bool> CloseAsync(Guid tenantId, DateOnly day, CancellationToken ct)
    {
        await using var scope = scopes.OpenTenant(tenantId, out var db);
        var rows = await scope.ServiceProvider.GetRequiredService<UsageReader>().ComputeAsync(tenantId, day, day, ct);
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await ReplaceAsync(db, tenantId, day, rows, now, ct);
            db.UsageDayCloses.Add(new UsageDayClose { TenantId = tenantId, Day = day, ClosedAt = now });
            var usage = rows.Select(r => new { r.Meter, r.Dimension, r.Quantity }).ToList();
            var summary = new RoutingEventMessage(DailyEvent, now, null, null, null, new Dictionary<string, object?> { ["day"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["usage"] = usage });
            await webhooks.AddAsync(db, tenantId, [summary], ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node (or run) closed the day first: its rows and its event stand.
            await transaction.RollbackAsync(ct);
            return false;
        }

        webhooks.Wake();
        Log.UsageDayClosed(logger, tenantId, day, rows.Count);
        return true;
    }

    private static async Task ReplaceAsync(ParleyDbContext db, Guid tenantId, DateOnly day, List<UsageRow> rows, DateTimeOffset at, CancellationToken ct)
    {
        await db.UsageDays.Where(u => u.Day == day).ExecuteDeleteAsync(ct);
        db.UsageDays.AddRange(rows.Select(r => new UsageDayRow { TenantId = tenantId, Day = r.Day, Meter = r.Meter, Dimension = r.Dimension, Quantity = r.Quantity, ComputedAt = at }));
    }
}
