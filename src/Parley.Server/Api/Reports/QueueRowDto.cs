using Parley.Analytics.Reports;

namespace Parley.Server.Api.Reports;

/// <summary>One queue-performance row as the API shows it: rates 0–1, times in seconds (null when undefined).</summary>
public sealed record QueueRowDto(
    DateTimeOffset Start,
    DateTimeOffset End,
    int Offered,
    int Answered,
    int Abandoned,
    int AnsweredInThreshold,
    int Transfers,
    double? ServiceLevel,
    double? AverageSpeedOfAnswerSeconds,
    double? AverageHandleTimeSeconds,
    double? AverageWaitSeconds,
    double MaxWaitSeconds)
{
    public static QueueRowDto From(QueueRow row) => new(
        row.Slot.Start, row.Slot.End, row.Offered, row.Answered, row.Abandoned, row.AnsweredInThreshold, row.Transfers,
        row.ServiceLevel, row.AverageSpeedOfAnswer?.TotalSeconds, row.AverageHandleTime?.TotalSeconds, row.AverageWait?.TotalSeconds,
        row.MaxWait.TotalSeconds);
}
