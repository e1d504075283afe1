using Parley.Analytics.Records;
using Parley.Analytics.Reports;

namespace Parley.Analytics.Tallies;

/// <summary>Turns contacts into tallies, and merges tallies into quarter-hour aggregates.</summary>
public static class ContactTallies
{
    /// <summary>The aggregates' grain: every zone's offset is a whole number of quarter hours, so local rows are unions of these.</summary>
    public static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);

    /// <summary>One tally per contact, each judged against its queue's threshold (<see cref="QueuePerformanceReport.DefaultThreshold"/> when none).</summary>
    public static IEnumerable<ContactTally> Of(IEnumerable<ContactRecord> contacts, Func<string, TimeSpan?>? thresholdOf = null)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var thresholds = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var contact in contacts)
        {
            if (!thresholds.TryGetValue(contact.QueueId, out var threshold))
            {
                threshold = thresholdOf?.Invoke(contact.QueueId) ?? QueuePerformanceReport.DefaultThreshold;
                thresholds[contact.QueueId] = threshold;
            }

            yield return ContactTally.Of(contact, threshold);
        }
    }

    /// <summary>
    /// Merges tallies that entered the queue and were answered in the same UTC quarter hours and share channel, queue,
    /// agent, wrap-up code and abandon band. Every contact report over a calendar whose boundaries are quarter hours gives
    /// the same figures for the merged tallies as for the originals.
    /// </summary>
    public static IReadOnlyList<ContactTally> ByQuarter(IEnumerable<ContactTally> tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        var merged = new Dictionary<Key, ContactTally>();
        foreach (var tally in tallies)
        {
            var key = new Key(QuarterOf(tally.EnqueuedAt), tally.AnsweredAt is { } answered ? QuarterOf(answered) : null,
                tally.Channel, tally.QueueId, tally.AgentId, tally.WrapUpCode, tally.AbandonBand);
            merged[key] = merged.TryGetValue(key, out var sum)
                ? sum with
                {
                    Count = sum.Count + tally.Count,
                    InThreshold = sum.InThreshold + tally.InThreshold,
                    Transfers = sum.Transfers + tally.Transfers,
                    TotalWait = sum.TotalWait + tally.TotalWait,
                    MaxWait = tally.MaxWait > sum.MaxWait ? tally.MaxWait : sum.MaxWait,
                    Talk = sum.Talk + tally.Talk,
                    Hold = sum.Hold + tally.Hold,
                    WrapUp = sum.WrapUp + tally.WrapUp,
                }
                : tally with { EnqueuedAt = key.Enqueued, AnsweredAt = key.Answered };
        }

        return merged.Values.ToList();
    }

    /// <summary>The start of the UTC quarter hour holding <paramref name="instant"/>.</summary>
    public static DateTimeOffset QuarterOf(DateTimeOffset instant)
    {
        var utc = instant.UtcTicks;
        return new DateTimeOffset(utc - (utc % Quarter.Ticks), TimeSpan.Zero);
    }

    /// <summary>True when <paramref name="instant"/> starts a quarter hour.</summary>
    public static bool IsQuarter(DateTimeOffset instant) => instant.UtcTicks % Quarter.Ticks == 0;

    private readonly record struct Key(
        DateTimeOffset Enqueued, DateTimeOffset? Answered, ContactChannel Channel, string QueueId, string? AgentId, string? WrapUpCode, int AbandonBand);
}
