using Parley.Analytics.Records;
using Parley.Analytics.Reports;

namespace Parley.Analytics.Tallies;

/// <summary>
/// One queued contact, or several that share every key field (<see cref="ContactTallies.ByQuarter"/>), as the contact
/// reports count them. For a single contact the instants are its own; for a merged tally they are the UTC quarter hours
/// the contacts entered the queue and were answered in, which place them in the same rows of any calendar whose
/// boundaries fall on quarter hours. <see cref="AbandonBand"/> is the contact's band of <see cref="AbandonReport.Bands"/>
/// when the customer abandoned, otherwise -1 (answered, or deflected to voicemail or a callback). <see cref="InThreshold"/> counts the answered contacts that waited at most their
/// queue's service-level threshold; the sums cover all <see cref="Count"/> contacts.
/// </summary>
public sealed record ContactTally(
    DateTimeOffset EnqueuedAt,
    DateTimeOffset? AnsweredAt,
    ContactChannel Channel,
    string QueueId,
    string? AgentId,
    string? WrapUpCode,
    int AbandonBand,
    int Count,
    int InThreshold,
    int Transfers,
    TimeSpan TotalWait,
    TimeSpan MaxWait,
    TimeSpan Talk,
    TimeSpan Hold,
    TimeSpan WrapUp)
{
    /// <summary>True when an agent answered these contacts.</summary>
    public bool Answered => AnsweredAt is not null;

    /// <summary>True when the customers gave up before an agent answered (not when they were deflected).</summary>
    public bool Abandoned => AnsweredAt is null && AbandonBand >= 0;

    /// <summary>Talk, hold and wrap-up of the answered contacts; zero for unanswered ones.</summary>
    public TimeSpan Handle => Answered ? Talk + Hold + WrapUp : TimeSpan.Zero;

    /// <summary>The tally of one contact, its service level judged against <paramref name="threshold"/>.</summary>
    public static ContactTally Of(ContactRecord contact, TimeSpan threshold)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var wait = contact.Wait;
        return new ContactTally(
            contact.EnqueuedAt, contact.AnsweredAt, contact.Channel, contact.QueueId, contact.AgentId, contact.WrapUpCode,
            contact.Abandoned ? AbandonReport.BandOf(wait) : -1,
            1, contact.AnsweredAt is not null && wait <= threshold ? 1 : 0, contact.Transferred ? 1 : 0,
            wait, wait, contact.Talk, contact.Connected - contact.Talk, contact.WrapUp);
    }
}
