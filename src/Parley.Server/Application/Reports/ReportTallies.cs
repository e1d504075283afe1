using Microsoft.EntityFrameworkCore;
using Parley.Analytics.Records;
using Parley.Analytics.Tallies;
using Parley.Data;
using Parley.Server.Reports;

namespace Parley.Server.Application.Reports;

/// <summary>
/// The contacts of a report range as tallies: the stored quarter-hour aggregates (<see cref="ContactIntervalJob"/>) for
/// the closed part of a range that starts and ends on quarter hours, and the raw records for the rest — the same figures
/// as the raw records alone (the analytics library's property test), read in a fraction of the time.
/// </summary>
internal sealed class ReportTallies(ParleyDbContext db, ReportRecords records)
{
    /// <summary>The tallies of <paramref name="request"/>, or null when its raw part holds more than <see cref="ReportRecords.MaxRows"/>.</summary>
    public async Task<List<ContactTally>?> LoadAsync(ReportRequest request, CancellationToken ct)
    {
        var split = await StoredUntilAsync(request, ct);
        var tallies = split > request.From ? await StoredAsync(request, split, ct) : [];
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

    /// <summary>Where the stored part of the range ends: its start when nothing of it is stored or it is not on quarter hours.</summary>
    private async Task<DateTimeOffset> StoredUntilAsync(ReportRequest request, CancellationToken ct)
    {
        if (!ContactTallies.IsQuarter(request.From) || !ContactTallies.IsQuarter(request.To))
        {
            return request.From;
        }

        var first = await db.ContactIntervalCloses.AsNoTracking().OrderBy(c => c.From).Select(c => (DateTimeOffset?)c.From).FirstOrDefaultAsync(ct);
        var last = await db.ContactIntervalCloses.AsNoTracking().OrderByDescending(c => c.Until).Select(c => (DateTimeOffset?)c.Until).FirstOrDefaultAsync(ct);
        return first is null || last is null || first > request.From || last <= request.From ? request.From
            : last < request.To ? last.Value : request.To;
    }

    private async Task<List<ContactTally>> StoredAsync(ReportRequest request, DateTimeOffset until, CancellationToken ct)
    {
        var rows = db.ContactIntervals.AsNoTracking().Where(c => c.QuarterStart >= request.From && c.QuarterStart < until);
        rows = request.QueueId is { } queue ? rows.Where(c => c.QueueId == queue) : rows;
        rows = request.AgentId is { } agent ? rows.Where(c => c.AgentId == agent) : rows;
        if (request.Channel is { } channel)
        {
            var name = channel.ToString();
            rows = rows.Where(c => c.Channel == name);
        }

        return (await rows.ToListAsync(ct)).Select(ContactIntervalRows.ToTally).ToList();
    }
}
