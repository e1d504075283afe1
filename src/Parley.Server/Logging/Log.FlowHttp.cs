namespace Parley.Server.Logging;

internal static partial class Log
{
    [LoggerMessage(5211, LogLevel.Information, "Flow HTTP request of tenant {TenantId} to {Host} refused: {Reason}")]
    public static partial void FlowHttpRefused(ILogger logger, Guid tenantId, string host, string reason);

    [LoggerMessage(5212, LogLevel.Information, "Flow HTTP request of tenant {TenantId} to {Host} failed: {Reason}")]
    public static partial void FlowHttpFailed(ILogger logger, Guid tenantId, string host, string reason);
}
