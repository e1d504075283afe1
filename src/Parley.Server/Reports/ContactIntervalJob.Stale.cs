using Microsoft.EntityFrameworkCore;
using Parley.Analytics.Records;
using Parley.Analytics.Tallies;
using Parley.Data;
using Parley.Server.Application.Reports;
using Parley.Server.Logging;
using Parley.Server.Tenants;

namespace Parley.Server.Reports;

/// <summary>Closed quarter hours whose records changed later, summed again.</summary>
internal sealed partial class ContactIntervalJob
{
    /// <summary>The most stale quarters one tenant has summed again per round.</summary>
    private const int MaxStaleQuartersPerRound = 96;

    /// <summary>
    /// Sums again the tenant's closed quarters marked stale (oldest first), after closing, a day per stretch backwards,
    /// what lies before its first close when records arrived for it (an import of older records); returns how many
    /// quarters and stretches it stored.
    /// </summary>
    private async Task<int> SumStaleQuartersAsync(Guid tenantId, CancellationToken ct)
    {
        var summed = 0;
        for (var i = 0; i < MaxClosesPerRound && await CloseEarlierAsync(tenantId, ct); i++)
        {
            summed++;
        }

        List<DateTimeOffset> quarters;
        await using (var scope = scopes.OpenTenant(tenantId, out var db))
        {
            if (await ClosedUntilAsync(db, ct) is not { } closedUntil)
            {
                return summed;
            }

            quarters = await db.StaleContactIntervals.AsNoTracking()
                .Where(m => m.QuarterStart < closedUntil)
                .Select(m => m.QuarterStart).Distinct().OrderBy(q => q).Take(MaxStaleQuartersPerRound)
                .ToListAsync(ct);
        }

        foreach (var quarter in quarters)
        {
            summed += await SumAgainAsync(tenantId, quarter, ct) ? 1 : 0;
        }

        return summed;
    }

    /// <summary>
    /// Replaces one quarter's rows in one transaction that first takes the close row covering it (so two nodes summing
    /// the same quarter take turns, and the later one reads what the earlier stored), then reads the marks and the
    /// records, and deletes exactly the marks it read: a change saved meanwhile keeps its mark for the next round.
    /// </summary>
    private async Task<bool> SumAgainAsync(Guid tenantId, DateTimeOffset quarter, CancellationToken ct)
    {
        await using var scope = scopes.OpenTenant(tenantId, out var db);
        var until = quarter + ContactTallies.Quarter;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        if (await db.ContactIntervalCloses.Where(c => c.From <= quarter && c.Until > quarter)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.ClosedAt, now), ct) == 0)
        {
            return false; // Rebuilt meanwhile: the quarter is no longer closed.
        }

        var marks = await StaleMarksAsync(db, quarter, until, ct);
        if (marks.Count == 0)
        {
            return false; // Another node summed it first.
        }

        var sums = await SumAsync(db, tenantId, quarter, until, ct);
        await db.StaleContactIntervals.Where(m => marks.Contains(m.Id)).ExecuteDeleteAsync(ct);
        await DeleteSumsAsync(db, quarter, until, ct);
        Add(db, tenantId, sums);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Log.ContactIntervalSummedAgain(logger, tenantId, quarter, marks.Count);
        return true;
    }

    /// <summary>Closes the day (or less) before the tenant's first close when a record marked a quarter in it.</summary>
    private async Task<bool> CloseEarlierAsync(Guid tenantId, CancellationToken ct)
    {
        await using var scope = scopes.OpenTenant(tenantId, out var db);
        var first = await db.ContactIntervalCloses.OrderBy(c => c.From).Select(c => (DateTimeOffset?)c.From).FirstOrDefaultAsync(ct);
        if (first is not { } until)
        {
            return false;
        }

        var earliest = await db.StaleContactIntervals.Where(m => m.QuarterStart < until)
            .OrderBy(m => m.QuarterStart).Select(m => (DateTimeOffset?)m.QuarterStart).FirstOrDefaultAsync(ct);
        if (earliest is not { } mark)
        {
            return false;
        }

        var from = until - MaxStretch > mark ? until - MaxStretch : mark;
        return await StoreStretchAsync(db, tenantId, from, until, time.GetUtcNow(), ct);
    }

    private static Task<List<long>> StaleMarksAsync(ParleyDbContext db, DateTimeOffset from, DateTimeOffset until, CancellationToken ct) =>
        db.StaleContactIntervals.Where(m => m.QuarterStart >= from && m.QuarterStart < until).Select(m => m.Id).ToListAsync(ct);

    /// <summary>
    /// The tenant's contacts, agent state time and IVR visits of <c>[from, until)</c> summed per quarter hour, by the
    /// loaders the reports use.
    /// </summary>
    private static async Task<QuarterSums> SumAsync(ParleyDbContext db, Guid tenantId, DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        var records = new ReportRecords(db, until); // closed quarters: all in the past
        var range = new ReportRequest(from, until);
        var thresholds = await records.ThresholdsAsync(ct);
        var contacts = await records.ContactsAsync(range, ct) ?? throw TooMany("contacts");
        var states = await records.StatesAsync(range, ct) ?? throw TooMany("agent state changes");
        var visits = await records.IvrVisitsAsync(range, ct) ?? throw TooMany("IVR visits");
        return new QuarterSums(
            ContactTallies.ByQuarter(ContactTallies.Of(contacts, q => thresholds.TryGetValue(q, out var t) ? t : null)),
            AgentStateTallies.ByQuarter(states, from, until),
            IvrTallies.ByQuarter(visits));

        InvalidOperationException TooMany(string what) =>
            new($"More than {ReportRecords.MaxRows} {what} of tenant {tenantId} from {from} to {until}.");
    }

    private static void Add(ParleyDbContext db, Guid tenantId, QuarterSums sums)
    {
        db.ContactIntervals.AddRange(sums.Contacts.Select(t => ContactIntervalRows.ToRow(t, tenantId)));
        db.AgentStateIntervals.AddRange(sums.States.Select(s => ContactIntervalRows.ToRow(s, tenantId)));
        db.IvrIntervals.AddRange(sums.Visits.Select(v => ContactIntervalRows.ToRow(v, tenantId)));
    }

    /// <summary>Deletes the stored sums of the quarters from <paramref name="from"/> (to <paramref name="until"/> when given); returns the contact rows deleted.</summary>
    private static async Task<int> DeleteSumsAsync(ParleyDbContext db, DateTimeOffset from, DateTimeOffset? until, CancellationToken ct)
    {
        var end = until ?? DateTimeOffset.MaxValue;
        await db.AgentStateIntervals.Where(r => r.QuarterStart >= from && r.QuarterStart < end).ExecuteDeleteAsync(ct);
        await db.IvrIntervals.Where(r => r.QuarterStart >= from && r.QuarterStart < end).ExecuteDeleteAsync(ct);
        return await db.ContactIntervals.Where(r => r.QuarterStart >= from && r.QuarterStart < end).ExecuteDeleteAsync(ct);
    }

    private sealed record QuarterSums(IReadOnlyList<ContactTally> Contacts, IReadOnlyList<AgentStateSpan> States, IReadOnlyList<IvrVisit> Visits);
}
