namespace Parley.Server.Logging;

/// <summary>The supervisor dashboard's messages (81xx: web app, supervision).</summary>
internal static partial class Log
{
    [LoggerMessage(8101, LogLevel.Warning, "A subscriber to tenant {TenantId}'s routing events failed to take them")]
    public static partial void TenantSubscriberFailed(ILogger logger, Exception exception, Guid tenantId);

    [LoggerMessage(8102, LogLevel.Warning, "The supervisor dashboard of tenant {TenantId} could not be computed")]
    public static partial void DashboardFailed(ILogger logger, Exception exception, Guid tenantId);

    [LoggerMessage(8103, LogLevel.Warning, "A supervisor dashboard subscriber of tenant {TenantId} failed to take a view")]
    public static partial void DashboardSubscriberFailed(ILogger logger, Exception exception, Guid tenantId);

    [LoggerMessage(8104, LogLevel.Warning, "The supervisor dashboard of tenant {TenantId} could not be re-read after a reconnect")]
    public static partial void SupervisorRefreshFailed(ILogger logger, Exception exception, Guid tenantId);
}
