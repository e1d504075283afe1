using Microsoft.EntityFrameworkCore;
using Parley.Analytics.Records;
using Parley.Analytics.Tallies;
using Parley.Data;
using Parley.Data.Entities.Reports;
using Parley.Server.Reports;

namespace Parley.Server.Application.Reports;

/// <summary>
/// The records of a report range as the calculators count them: the stored quarter-hour sums (<see cref="ContactIntervalJob"/>)
/// for the closed part of a range that starts and ends on quarter hours, and the raw records for the rest — the same
/// figures as the raw records alone (the analytics library's property tests), read in a fraction of the time. Contacts,
/// agent state time and IVR visits are summed; ratings are few and read raw.
/// </summary>
internal sealed class ReportTallies(ParleyDbContext db, ReportRecords records)
{
    /// <summary>The contacts of <paramref name="request"/>, or null when its raw part holds more than <see cref="ReportRecords.MaxRows"/>.</summary>
    public async Task<List<ContactTally>?> LoadAsync(ReportRequest request, CancellationToken ct)
    {
        var split = await StoredUntilAsync(request, ct);
        var tallies = split > request.From ? (await Stored(db.ContactIntervals, request, split)
            .Where(c => request.QueueId == null || c.QueueId == request.QueueId)
            .Where(c => request.AgentId == null || c.AgentId == request.AgentId)
            .Where(c => request.Channel == null || c.Channel == request.Channel.ToString())
            .ToListAsync(ct)).Select(ContactIntervalRows.ToTally).ToList() : [];
        if (split < request.To)
        {
            if (await records.ContactsAsync(request with { From = split }, ct) is not { } contacts)
            {
                return null;
            }

            var thresholds = await records.ThresholdsAsync(ct);
            tallies.AddRange(ContactTallies.Of(contacts, q => thresholds.TryGetValue(q, out var t) ? t : null));
        }

        return tallies;
    }

    /// <summary>The agents' state spans of <paramref name="request"/>, the stored part as quarter sums; null when the raw part holds too many.</summary>
    public async Task<List<AgentStateSpan>?> StatesAsync(ReportRequest request, CancellationToken ct)
    {
        var split = await StoredUntilAsync(request, ct);
        var spans = split > request.From ? (await Stored(db.AgentStateIntervals, request, split)
            .Where(s => request.AgentId == null || s.AgentId == request.AgentId)
            .ToListAsync(ct)).Select(ContactIntervalRows.ToSpan).ToList() : [];
        if (split < request.To)
        {
            if (await records.StatesAsync(request with { From = split }, ct) is not { } raw)
            {
                return null;
            }

            // The state held at the split began before it: only its part from the split on is not stored.
            spans.AddRange(raw.Where(s => s.End > split).Select(s => s.Start < split ? s with { Start = split } : s));
        }

        return spans;
    }

    /// <summary>The IVR visits of <paramref name="request"/>, the stored part as quarter sums; null when the raw part holds too many.</summary>
    public async Task<List<IvrVisit>?> IvrVisitsAsync(ReportRequest request, CancellationToken ct)
    {
        var split = await StoredUntilAsync(request, ct);
        var visits = split > request.From
            ? (await Stored(db.IvrIntervals, request, split).ToListAsync(ct)).Select(ContactIntervalRows.ToVisit).ToList()
            : [];
        if (split < request.To)
        {
            if (await records.IvrVisitsAsync(request with { From = split }, ct) is not { } raw)
            {
                return null;
            }

            visits.AddRange(raw);
        }

        return visits;
    }

    private static IQueryable<T> Stored<T>(IQueryable<T> rows, ReportRequest request, DateTimeOffset until)
        where T : class, IQuarterRow =>
        rows.AsNoTracking().Where(r => r.QuarterStart >= request.From && r.QuarterStart < until);

    /// <summary>Where the stored part of the range ends: its start when nothing of it is stored or it is not on quarter hours.</summary>
    private async Task<DateTimeOffset> StoredUntilAsync(ReportRequest request, CancellationToken ct)
    {
        if (!ContactTallies.IsQuarter(request.From) || !ContactTallies.IsQuarter(request.To))
        {
            return request.From;
        }

        var closes = await db.ContactIntervalCloses.AsNoTracking()
            .GroupBy(c => 1)
            .Select(g => new { First = g.Min(c => c.From), Last = g.Max(c => c.Until) })
            .SingleOrDefaultAsync(ct);
        return closes is null || closes.First > request.From || closes.Last <= request.From ? request.From
            : closes.Last < request.To ? closes.Last : request.To;
    }
}
