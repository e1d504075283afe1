namespace Parley.Server.Application.Reports;

/// <summary>How a report column's values read: they stay numbers in JSON, CSV and XLSX, and are formatted on screen.</summary>
public enum ReportFormat
{
    Text,
    Time,
    Count,

    /// <summary>A share, 0–1.</summary>
    Percent,

    /// <summary>A duration in seconds.</summary>
    Seconds,

    /// <summary>A mean score.</summary>
    Score,
}
