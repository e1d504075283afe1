using System.Globalization;

namespace Parley.Voice.Ivr;

/// <summary>The words of the queue announcement, in one place (English only for now).</summary>
public static class QueueAnnouncement
{
    /// <summary>"You are number 2 in the queue. Your estimated wait is about 3 minutes." (or "less than a minute").</summary>
    public static string For(QueuePosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        var text = string.Create(CultureInfo.InvariantCulture, $"You are number {position.Position} in the queue.");
        if (position.EstimatedWait is not { } wait)
        {
            return text;
        }

        var minutes = (int)Math.Round(wait.TotalMinutes, MidpointRounding.AwayFromZero);
        var estimate = wait < TimeSpan.FromMinutes(1) ? "less than a minute"
            : minutes == 1 ? "about 1 minute"
            : string.Create(CultureInfo.InvariantCulture, $"about {minutes} minutes");
        return $"{text} Your estimated wait is {estimate}.";
    }
}
