namespace Parley.Server.Logging;

/// <summary>Usage metering (8301–8309).</summary>
internal static partial class Log
{
    [LoggerMessage(8301, LogLevel.Information, "Usage of tenant {TenantId} for {Day} stored ({Rows} rows) and its daily summary queued")]
    public static partial void UsageDayClosed(ILogger logger, Guid tenantId, DateOnly day, int rows);

    [LoggerMessage(8302, LogLevel.Error, "Usage metering round failed; the next round retries")]
    public static partial void UsageRunFailed(ILogger logger, Exception exception);
}
