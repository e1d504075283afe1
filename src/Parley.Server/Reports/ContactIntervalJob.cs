using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Analytics.Tallies;
using Parley.Data.Entities.Reports;
using Parley.Data;
using Parley.Domain.Tenants;
using Parley.Server.Application.Reports;
using Parley.Server.Extensions;
using Parley.Server.Logging;
using Parley.Server.Tenants;

namespace Parley.Server.Reports;

/// <summary>
/// Keeps the contact reports' quarter-hour aggregates up to date (issue 11: "as records close, not a nightly batch"):
/// every <see cref="ReportAggregateOptions.CloseInterval"/> each tenant's quarter hours that ended at least
/// <see cref="ReportAggregateOptions.SettleAfter"/> ago, and whose contacts have all ended, are summed from the raw
/// records by the same loader the reports use and stored with a close row — in one transaction whose unique close row
/// lets only one node (or run) store a stretch. A stretch is at most one day; a tenant catches up a day per close.
/// Quarters closed before a late change to their records (<see cref="StaleQuarterMarker"/>) are summed again.
/// </summary>
internal sealed partial class ContactIntervalJob(
    IServiceScopeFactory scopes, IOptions<ReportAggregateOptions> options, TimeProvider time, ILogger<ContactIntervalJob> logger) : BackgroundService
{
    private static readonly TimeSpan MaxStretch = TimeSpan.FromDays(1);

    /// <summary>The most stretches one tenant closes per round, so one tenant's history cannot hold up the others for long.</summary>
    private const int MaxClosesPerRound = 31;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(options.Value.CloseInterval, time, ct => RunOnceAsync(ct), exception => Log.ContactIntervalsRunFailed(logger, exception), stoppingToken);

    /// <summary>One round over every tenant; returns how many stretches it closed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        List<Guid> tenants;
        await using (var scope = scopes.CreateAsyncScope())
        {
            tenants = await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().Tenants.AsNoTracking()
                .Where(t => t.Slug != TenantSlug.Platform).Select(t => t.Id).ToListAsync(ct);
        }

        var closed = 0;
        foreach (var tenantId in tenants)
        {
            for (var i = 0; i < MaxClosesPerRound && await CloseNextAsync(tenantId, ct); i++)
            {
                closed++;
            }

            closed += await SumStaleQuartersAsync(tenantId, ct);
        }

        return closed;
    }

    /// <summary>
    /// Deletes the tenant's aggregates from the stretch holding <paramref name="from"/> on (after a correction of the raw
    /// records, or a changed service-level threshold); the next rounds store them again. Returns the rows deleted.
    /// </summary>
    public async Task<int> RebuildFromAsync(Guid tenantId, DateTimeOffset from, CancellationToken ct)
    {
        await using var scope = scopes.OpenTenant(tenantId, out var db);
        var start = await db.ContactIntervalCloses.Where(c => c.Until > from).OrderBy(c => c.From).Select(c => (DateTimeOffset?)c.From).FirstOrDefaultAsync(ct);
        if (start is not { } first)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = await DeleteSumsAsync(db, first, null, ct);
        await db.ContactIntervalCloses.Where(c => c.From >= first).ExecuteDeleteAsync(ct);
        await db.StaleContactIntervals.Where(c => c.QuarterStart >= first).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        Log.ContactIntervalsRebuilding(logger, tenantId, first, rows);
        return rows;
    }

    private async Task<bool> CloseNextAsync(Guid tenantId, CancellationToken ct)
    {
        await using var scope = scopes.OpenTenant(tenantId, out var db);
        var now = time.GetUtcNow();
        var limit = ContactTallies.QuarterOf(now - options.Value.SettleAfter);
        var from = await ClosedUntilAsync(db, ct) ?? await EarliestContactAsync(db, ct);
        if (from is not { } start || start >= limit)
        {
            return false;
        }

        var until = start + MaxStretch < limit ? start + MaxStretch : limit;
        if (await EarliestOpenContactAsync(db, start, until, now - options.Value.OpenContactLimit, ct) is { } open)
        {
            until = ContactTallies.QuarterOf(open);
        }

        if (until <= start)
        {
            return false;
        }

        return await StoreStretchAsync(db, tenantId, start, until, now, ct);
    }

    /// <summary>
    /// Sums the stretch <c>[from, until)</c> and stores it with its close row in one transaction; false when another node
    /// (or run) stored it first. Marks of the stretch read before its records are deleted with it: the changes they
    /// stand for are in what is summed.
    /// </summary>
    private async Task<bool> StoreStretchAsync(ParleyDbContext db, Guid tenantId, DateTimeOffset from, DateTimeOffset until, DateTimeOffset now, CancellationToken ct)
    {
        var marks = await StaleMarksAsync(db, from, until, ct);
        var sums = await SumAsync(db, tenantId, from, until, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.StaleContactIntervals.Where(m => marks.Contains(m.Id)).ExecuteDeleteAsync(ct);
            Add(db, tenantId, sums);
            db.ContactIntervalCloses.Add(new ContactIntervalClose { TenantId = tenantId, From = from, Until = until, ClosedAt = now });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node (or run) closed this stretch first: its rows stand.
            await transaction.RollbackAsync(ct);
            return false;
        }

        Log.ContactIntervalsClosed(logger, tenantId, from, until, sums.Contacts.Count);
        return true;
    }

    private static Task<DateTimeOffset?> ClosedUntilAsync(ParleyDbContext db, CancellationToken ct) =>
        db.ContactIntervalCloses.OrderByDescending(c => c.Until).Select(c => (DateTimeOffset?)c.Until).FirstOrDefaultAsync(ct);

    /// <summary>The quarter hour of the tenant's first queued contact: where its first stretch starts.</summary>
    private static async Task<DateTimeOffset?> EarliestContactAsync(ParleyDbContext db, CancellationToken ct)
    {
        var call = await ReportContactQueries.QueuedCalls(db).OrderBy(c => c.QueuedAt).Select(c => c.QueuedAt).FirstOrDefaultAsync(ct);
        var chat = await ReportContactQueries.QueuedChats(db).OrderBy(i => i.EnqueuedAt).Select(i => (DateTimeOffset?)i.EnqueuedAt).FirstOrDefaultAsync(ct);
        var first = call is null ? chat : chat is null || call < chat ? call : chat;
        return first is { } at ? ContactTallies.QuarterOf(at) : null;
    }

    /// <summary>When the first contact of <c>[from, until)</c> that has not ended (and is younger than the limit) entered its queue.</summary>
    private static async Task<DateTimeOffset?> EarliestOpenContactAsync(ParleyDbContext db, DateTimeOffset from, DateTimeOffset until, DateTimeOffset youngerThan, CancellationToken ct)
    {
        var call = await ReportContactQueries.QueuedCalls(db)
            .Where(c => c.QueuedAt >= from && c.QueuedAt < until && c.QueuedAt >= youngerThan && c.EndedAt == null)
            .OrderBy(c => c.QueuedAt).Select(c => c.QueuedAt).FirstOrDefaultAsync(ct);
        var chat = await ReportContactQueries.QueuedChats(db)
            .Where(i => i.EnqueuedAt >= from && i.EnqueuedAt < until && i.EnqueuedAt >= youngerThan && i.ClosedAt == null)
            .OrderBy(i => i.EnqueuedAt).Select(i => (DateTimeOffset?)i.EnqueuedAt).FirstOrDefaultAsync(ct);
        return call is null ? chat : chat is null || call < chat ? call : chat;
    }
}
