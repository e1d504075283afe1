using Parley.Analytics.Intervals;

namespace Parley.Analytics.Reports;

/// <summary>Queue performance for one interval (or the whole range). Definitions in docs/reports.md.</summary>
public sealed record QueueRow(
    IntervalSlot Slot,
    int Offered,
    int Answered,
    int Abandoned,
    int AnsweredInThreshold,
    int Transfers,
    TimeSpan TotalWait,
    TimeSpan MaxWait,
    TimeSpan TotalAnswerSpeed,
    TimeSpan TotalHandle)
{
    /// <summary>Answered within the queue's threshold ÷ offered, 0–1; null when nothing was offered.</summary>
    public double? ServiceLevel => Offered == 0 ? null : (double)AnsweredInThreshold / Offered;

    public double? AbandonRate => Offered == 0 ? null : (double)Abandoned / Offered;

    /// <summary>Offered contacts neither answered nor abandoned: overflowed to voicemail or a callback the customer took.</summary>
    public int Deflected => Offered - Answered - Abandoned;

    public TimeSpan? AverageSpeedOfAnswer => Answered == 0 ? null : TotalAnswerSpeed / Answered;

    public TimeSpan? AverageHandleTime => Answered == 0 ? null : TotalHandle / Answered;

    public TimeSpan? AverageWait => Offered == 0 ? null : TotalWait / Offered;
}
