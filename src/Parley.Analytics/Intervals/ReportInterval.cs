namespace Parley.Analytics.Intervals;

/// <summary>How a report range is cut into rows, in the tenant's time zone.</summary>
public enum ReportInterval
{
    FifteenMinutes,
    Hour,
    Day,
    Week,
    Total,
}
