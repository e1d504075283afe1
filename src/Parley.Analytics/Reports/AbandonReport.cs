using Parley.Analytics.Intervals;
using Parley.Analytics.Records;
using Parley.Analytics.Tallies;

namespace Parley.Analytics.Reports;

/// <summary>
/// How long abandoning customers waited: counts per wait band (upper bounds exclusive), the average and the longest
/// time to abandon, and the abandon rate, over contacts that entered a queue inside the range.
/// </summary>
public static class AbandonReport
{
    /// <summary>Upper bounds of the wait bands; the last band is open-ended.</summary>
    public static readonly IReadOnlyList<TimeSpan> Bands =
        [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)];

    public static AbandonSummary Calculate(IEnumerable<ContactRecord> contacts, IntervalCalendar calendar) =>
        Calculate(ContactTallies.Of(contacts), calendar);

    public static AbandonSummary Calculate(IEnumerable<ContactTally> tallies, IntervalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        ArgumentNullException.ThrowIfNull(calendar);
        var counts = new int[Bands.Count + 1];
        int offered = 0, abandoned = 0;
        TimeSpan total = TimeSpan.Zero, longest = TimeSpan.Zero;
        foreach (var tally in tallies)
        {
            if (calendar.IndexOf(tally.EnqueuedAt) < 0)
            {
                continue;
            }

            offered += tally.Count;
            if (!tally.Abandoned)
            {
                continue;
            }

            abandoned += tally.Count;
            total += tally.TotalWait;
            longest = tally.MaxWait > longest ? tally.MaxWait : longest;
            counts[tally.AbandonBand] += tally.Count;
        }

        var rows = new ShareRow[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            var label = i < Bands.Count ? $"<{Bands[i].TotalSeconds:0}s" : $">={Bands[^1].TotalSeconds:0}s";
            rows[i] = new ShareRow(label, counts[i], abandoned == 0 ? 0 : (double)counts[i] / abandoned);
        }

        return new AbandonSummary(offered, abandoned, abandoned == 0 ? null : total / abandoned, longest, rows);
    }

    /// <summary>The band of <see cref="Bands"/> a wait to abandon falls in (the last one is open-ended).</summary>
    public static int BandOf(TimeSpan wait)
    {
        var band = 0;
        while (band < Bands.Count && wait >= Bands[band])
        {
            band++;
        }

        return band;
    }
}
