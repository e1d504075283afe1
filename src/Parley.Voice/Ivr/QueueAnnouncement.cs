namespace Parley.Voice.Ivr;

/// <summary>
/// The words of the queue announcement, in one place (English only for now): "You are number two in the queue. Your
/// estimated wait is about three minutes." (or "less than a minute"). It is spoken from <see cref="Phrases"/> — parts
/// that recur for every caller — so a queue of a thousand callers costs a bounded set of speech renders, not one per
/// position and estimate.
/// </summary>
public static class QueueAnnouncement
{
    /// <summary>The phrases to render and play one after another.</summary>
    public static IReadOnlyList<string> Phrases(QueuePosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        var phrases = new List<string>(8) { "You are number" };
        phrases.AddRange(SpokenNumber.Phrases(position.Position));
        phrases.Add("in the queue.");
        if (position.EstimatedWait is not { } wait)
        {
            return phrases;
        }

        phrases.Add("Your estimated wait is");
        var minutes = (int)Math.Round(wait.TotalMinutes, MidpointRounding.AwayFromZero);
        if (wait < TimeSpan.FromMinutes(1))
        {
            phrases.Add("less than a minute.");
        }
        else if (minutes == 1)
        {
            phrases.Add("about one minute.");
        }
        else if (minutes < 100)
        {
            phrases.Add($"about {SpokenNumber.BelowHundred(minutes)} minutes.");
        }
        else
        {
            phrases.Add("about");
            phrases.AddRange(SpokenNumber.Phrases(minutes));
            phrases.Add("minutes.");
        }

        return phrases;
    }
}
